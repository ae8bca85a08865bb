package dev.clusterplanner.ui.catalog;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.ui.PlanDocument;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * The hardware catalog as a filterable list: by category, by text (id, name, vendor, CPU, GPU, region)
 * and by price range. The price compared is the purchase price for owned hardware and the monthly rate
 * for rented; a row whose price is unknown is hidden once a bound is set, and the count says so.
 */
public class CatalogViewModel {

    /** One line of a row's details: what and the value (missing figures say so). */
    public record Detail(String label, String value) {
    }

    private final ObjectProperty<Catalog> catalog;
    private final PlanDocument document;
    private final ObservableList<Hardware> all = FXCollections.observableArrayList();
    private final FilteredList<Hardware> shown = new FilteredList<>(all);
    private final ObjectProperty<HardwareCategory> category = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty minPrice = new SimpleStringProperty("");
    private final StringProperty maxPrice = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper filterProblem = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Hardware> selected = new SimpleObjectProperty<>();
    private final IntegerProperty targetSite = new SimpleIntegerProperty(0);
    private final StringBinding summary;

    public CatalogViewModel(ObjectProperty<Catalog> catalog, PlanDocument document) {
        this.catalog = catalog;
        this.document = document;
        all.setAll(catalog.get().hardware());
        catalog.addListener((o, a, c) -> all.setAll(c.hardware()));
        category.addListener(o -> refilter());
        text.addListener(o -> refilter());
        minPrice.addListener(o -> refilter());
        maxPrice.addListener(o -> refilter());
        summary = Bindings.createStringBinding(() -> {
            if (all.isEmpty()) {
                return "The catalog is empty (the shipped catalogs have not loaded).";
            }
            long unknown = all.stream().filter(h -> comparablePrice(h).isEmpty()).count();
            String s = shown.size() + " of " + all.size() + " shown";
            return hasPriceBound() && unknown > 0 ? s + " (" + unknown + " with an unknown price are hidden by the price range)" : s;
        }, shown, all, minPrice, maxPrice);
        refilter();
    }

    public FilteredList<Hardware> shown() {
        return shown;
    }

    public ObservableList<Hardware> all() {
        return all;
    }

    public ObjectProperty<HardwareCategory> categoryProperty() {
        return category;
    }

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty minPriceProperty() {
        return minPrice;
    }

    public StringProperty maxPriceProperty() {
        return maxPrice;
    }

    /** Why a price bound is not understood ("" when both are fine). */
    public ReadOnlyStringProperty filterProblemProperty() {
        return filterProblem.getReadOnlyProperty();
    }

    public ObjectProperty<Hardware> selectedProperty() {
        return selected;
    }

    /** The site that "add as candidate" adds to. */
    public IntegerProperty targetSiteProperty() {
        return targetSite;
    }

    public StringBinding summaryProperty() {
        return summary;
    }

    private boolean hasPriceBound() {
        return !minPrice.get().isBlank() || !maxPrice.get().isBlank();
    }

    private void refilter() {
        List<String> problems = new ArrayList<>();
        Double min = bound(minPrice.get(), "minimum", problems);
        Double max = bound(maxPrice.get(), "maximum", problems);
        filterProblem.set(String.join("; ", problems));
        HardwareCategory cat = category.get();
        String needle = text.get() == null ? "" : text.get().trim().toLowerCase(Locale.ROOT);
        Predicate<Hardware> p = h -> (cat == null || h.category() == cat)
                && (needle.isEmpty() || haystack(h).contains(needle))
                && inRange(h, min, max);
        shown.setPredicate(p);
    }

    private static Double bound(String text, String which, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double v = Double.parseDouble(text.trim().replace(",", ""));
            if (v < 0) {
                problems.add("the " + which + " price cannot be negative");
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add("the " + which + " price '" + text.trim() + "' is not a number");
            return null;
        }
    }

    private static boolean inRange(Hardware h, Double min, Double max) {
        if (min == null && max == null) {
            return true;
        }
        OptionalDouble price = comparablePrice(h);
        if (price.isEmpty()) {
            return false;
        }
        return (min == null || price.getAsDouble() >= min) && (max == null || price.getAsDouble() <= max);
    }

    private static String haystack(Hardware h) {
        return String.join(" ", nz(h.id()), nz(h.name()), nz(h.vendor()), nz(h.cpuModel()), nz(h.gpuModel()),
                nz(h.region()), h.category().id()).toLowerCase(Locale.ROOT);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Purchase price for owned hardware, the monthly rate (or hourly x 730) for rented; empty if the catalog does not know it. */
    public static OptionalDouble comparablePrice(Hardware h) {
        if (h.category().isOwned()) {
            return h.priceUsd() == null ? OptionalDouble.empty() : OptionalDouble.of(h.priceUsd());
        }
        return h.rentalMonthlyUsd();
    }

    /** "1,099 USD" or "412 USD/month"; "unknown" when the catalog has no figure. */
    public static String priceText(Hardware h) {
        OptionalDouble p = comparablePrice(h);
        if (p.isEmpty()) {
            return "unknown";
        }
        return String.format(Locale.ROOT, "%,.0f USD", p.getAsDouble()) + (h.category().isOwned() ? "" : "/month");
    }

    /**
     * "estimate" when the catalog marks the figures as estimates, "override" when a user's catalog replaced the row,
     * "yours" when the row comes from the user's own catalog folder.
     */
    public List<String> badges(Hardware h) {
        List<String> out = new ArrayList<>();
        if (h.estimate()) {
            out.add("estimate");
        }
        if (catalog.get().isOverride(h.id())) {
            out.add("override");
        }
        if (catalog.get().isUserRow(h.id())) {
            out.add("yours");
        }
        if (h.available() != null) {
            out.add(h.available() + " in stock");
        }
        return out;
    }

    /** Every field of a row for the details pane, its source and date last. */
    public List<Detail> details(Hardware h) {
        List<Detail> d = new ArrayList<>();
        d.add(new Detail("Id", h.id()));
        d.add(new Detail("Name", nz(h.name())));
        d.add(new Detail("Category", h.category().id()));
        d.add(new Detail("Vendor", nz(h.vendor())));
        d.add(new Detail("CPU", nz(h.cpuModel()) + " (" + h.sockets() + " socket(s), " + h.cores() + " cores, " + h.threads()
                + " threads, " + h.baseGhz() + " GHz, score " + h.cpuScore() + ")"));
        d.add(new Detail("Memory", fmt(h.memoryGib()) + " GiB"));
        d.add(new Detail("Purchase price", money(h.priceUsd(), "")));
        d.add(new Detail("Monthly rate", money(h.monthlyUsd(), "/month")));
        d.add(new Detail("Hourly rate", money(h.hourlyUsd(), "/hour")));
        d.add(new Detail("Setup", money(h.setupUsd(), "")));
        d.add(new Detail("Disks", "OS " + h.osDiskGb() + " GB; data " + h.dataDisks() + " x " + fmt(h.dataDiskGb()) + " GB"
                + (h.dataDiskType() == null ? "" : " " + h.dataDiskType())));
        d.add(new Detail("Network", h.nicPorts() + " x " + fmt(h.nicGbps()) + " Gbit/s"));
        d.add(new Detail("GPU", h.gpuCount() == 0 ? "none" : h.gpuCount() + " x " + nz(h.gpuModel()) + " (" + fmt(h.gpuVramGib()) + " GiB, "
                + fmt(h.gpuWatts()) + " W)"));
        if (h.available() != null) {
            d.add(new Detail("In stock", h.available() + " (a plan never uses more hosts of this row; a site may set its own figure)"));
        }
        d.add(new Detail("Rack units", h.rackUnits() == 0 ? "not rack-mounted" : h.rackUnits() + " U"));
        d.add(new Detail("Power idle / max", watts(h.powerIdleW()) + " / " + watts(h.powerMaxW())));
        d.add(new Detail("Region", nz(h.region()).isEmpty() ? "-" : h.region()));
        d.add(new Detail("Figures", h.estimate() ? "estimate (see source)" : "from the source"));
        d.add(new Detail("Price age", h.priceAge()));
        d.add(new Detail("Source", nz(h.source()).isEmpty() ? "no source given" : h.source()));
        if (catalog.get().isOverride(h.id())) {
            d.add(new Detail("Override", "replaced by your own catalog folder"));
        }
        return d;
    }

    private static String money(Double v, String unit) {
        return v == null ? "unknown" : String.format(Locale.ROOT, "%,.2f USD%s", v, unit);
    }

    private static String money(double v, String unit) {
        return String.format(Locale.ROOT, "%,.2f USD%s", v, unit);
    }

    private static String watts(Double v) {
        return v == null ? "unknown" : fmt(v) + " W";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Whether the selected row is already a candidate of the target site. */
    public boolean isCandidate(Hardware h) {
        int s = Math.min(targetSite.get(), document.plan().sites().size() - 1);
        return h != null && document.plan().sites().get(s).hardware().contains(h.id());
    }

    /** Adds the selected hardware to the target site's candidates (undoable). */
    public boolean addSelectedAsCandidate() {
        Hardware h = selected.get();
        if (h == null || isCandidate(h)) {
            return false;
        }
        int s = Math.min(targetSite.get(), document.plan().sites().size() - 1);
        document.edit("add candidate " + h.id(), plan -> plan.withSite(s, site -> {
            List<String> ids = new ArrayList<>(site.hardware());
            ids.add(h.id());
            return site.withHardware(ids);
        }));
        return true;
    }
}
