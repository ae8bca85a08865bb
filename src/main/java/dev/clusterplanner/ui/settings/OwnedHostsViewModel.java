package dev.clusterplanner.ui.settings;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.FieldProblem;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.ModelRules;
import dev.clusterplanner.core.model.OwnedHosts;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.ui.PlanDocument;
import dev.clusterplanner.ui.UserWords;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The selected site's hardware already owned ({@code owned} in the plan file): entries of a catalog row, a count, an
 * optional purchase date and price. Each field is checked as it is typed (the same rules a plan file is read by); add,
 * change and remove are each one undoable edit, saved with the plan.
 */
public class OwnedHostsViewModel extends SiteListEditor<OwnedHosts, OwnedHostsViewModel.Draft> {

    /** What the form holds, as typed. */
    public record Draft(String hardware, String count, String purchased, String priceUsd) {
    }

    /** Field names of {@link #problems}. */
    public static final String HARDWARE = "hardware";
    public static final String COUNT = "count";
    public static final String PURCHASED = "purchased";
    public static final String PRICE = "priceUsd";

    private final Supplier<LocalDate> today;

    public OwnedHostsViewModel(PlanDocument document, IntegerProperty siteIndex, ObjectProperty<Catalog> catalog, StringProperty status,
                               Supplier<LocalDate> today) {
        super(document, siteIndex, catalog, status);
        this.today = today;
        refresh();
    }

    @Override
    List<OwnedHosts> entriesOf(Site site) {
        return site.owned();
    }

    /** Every catalog row (owned hosts may be of a row that is not a candidate). */
    @Override
    List<String> choicesFor(Optional<Site> site) {
        return catalog.get() == null ? List.of() : catalog.get().hardware().stream().map(Hardware::id).sorted().toList();
    }

    @Override
    String noun() {
        return "owned hosts";
    }

    @Override
    String editName(OwnedHosts o) {
        return o.count() + " x " + o.hardware();
    }

    @Override
    String words(OwnedHosts o) {
        return describe(o);
    }

    @Override
    String afterRemoval() {
        return " (Undo brings them back)";
    }

    /** One entry in words: "2 x desktop-meerkat-tall-i5, bought 2023-04-01, 900 USD each". */
    public static String describe(OwnedHosts o) {
        return o.count() + " x " + o.hardware() + (o.purchased() == null ? ", purchase date unknown" : ", bought " + o.purchased())
                + (o.priceUsd() == null ? ", price unknown" : ", " + String.format(Locale.ROOT, "%,.0f", o.priceUsd()) + " USD each");
    }

    /** The draft of an entry (to fill the form when a row is selected). */
    public static Draft draftOf(OwnedHosts o) {
        return new Draft(o.hardware(), String.valueOf(o.count()), o.purchased() == null ? "" : o.purchased().toString(),
                o.priceUsd() == null ? "" : CapacityText.number(o.priceUsd()));
    }

    /**
     * Why each field of the draft cannot be saved, by field ({@link #HARDWARE}, {@link #COUNT}, {@link #PURCHASED},
     * {@link #PRICE}); empty when the entry can be saved. {@code replacing}: the index of the entry it would replace, or -1.
     */
    @Override
    public Map<String, String> problems(Draft d, int replacing) {
        Map<String, String> out = new LinkedHashMap<>();
        if (site().isEmpty()) {
            out.put(HARDWARE, "Add a site first.");
            return out;
        }
        Parsed p = parse(d, out);
        if (!out.isEmpty()) {
            return out;
        }
        int at = replacing >= 0 ? replacing : rows.size();
        Plan changed = withEntry(document.plan(), index(), replacing, p.entry());
        String prefix = "sites/" + index() + "/owned/" + at + "/";
        for (FieldProblem fp : ModelRules.check(changed)) {
            if (fp.field().startsWith(prefix)) {
                String field = fp.field().substring(prefix.length());
                out.putIfAbsent(field, UserWords.fieldNames(fp.message()));
            } else if (fp.field().equals("sites/" + index() + "/owned")) {
                out.putIfAbsent(COUNT, UserWords.fieldNames(fp.message()));
            }
        }
        return out;
    }

    private record Parsed(OwnedHosts entry) {
    }

    private Parsed parse(Draft d, Map<String, String> out) {
        String hw = d.hardware() == null ? "" : d.hardware().trim();
        if (hw.isEmpty()) {
            out.put(HARDWARE, "Choose the hardware these hosts are.");
        } else if (catalog.get() != null && catalog.get().hardware(hw).isEmpty()) {
            out.put(HARDWARE, "'" + hw + "' is not in the catalog.");
        }
        int count = 0;
        try {
            count = Integer.parseInt(d.count().trim());
            if (count < 1) {
                out.put(COUNT, "How many must be 1 or more.");
            }
        } catch (NumberFormatException e) {
            out.put(COUNT, "How many must be a whole number, like 2.");
        }
        LocalDate purchased = null;
        String date = d.purchased() == null ? "" : d.purchased().trim();
        if (!date.isEmpty()) {
            try {
                purchased = LocalDate.parse(date);
                if (purchased.isAfter(today.get())) {
                    out.put(PURCHASED, "The purchase date " + purchased + " is after today.");
                }
            } catch (DateTimeParseException e) {
                out.put(PURCHASED, "Purchase date must look like 2023-04-01 (year-month-day), or be left empty when unknown.");
            }
        }
        Double price = null;
        String priceText = d.priceUsd() == null ? "" : d.priceUsd().trim().replace(",", "");
        if (!priceText.isEmpty()) {
            try {
                price = Double.parseDouble(priceText);
                if (!(price >= 0) || price.isInfinite()) {
                    out.put(PRICE, "Price must be 0 USD or more.");
                }
            } catch (NumberFormatException e) {
                out.put(PRICE, "Price must be a number of USD, like 4200, or be left empty when unknown.");
            }
        }
        return new Parsed(new OwnedHosts(hw, count, purchased, price));
    }

    @Override
    OwnedHosts entryOf(Draft d) {
        return parse(d, new LinkedHashMap<>()).entry();
    }

    @Override
    Plan withEntry(Plan plan, int site, int replacing, OwnedHosts entry) {
        return plan.withSite(site, s -> {
            List<OwnedHosts> owned = new ArrayList<>(s.owned());
            if (replacing >= 0) {
                owned.set(replacing, entry);
            } else {
                owned.add(entry);
            }
            return s.withOwned(owned);
        });
    }

    @Override
    Plan withoutEntry(Plan plan, int site, int index) {
        return plan.withSite(site, s -> {
            List<OwnedHosts> owned = new ArrayList<>(s.owned());
            owned.remove(index);
            return s.withOwned(owned);
        });
    }

    /** Number text without a trailing ".0". */
    static final class CapacityText {
        private CapacityText() {
        }

        static String number(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
        }
    }
}
