package dev.clusterplanner.ui.settings;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.FieldProblem;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Limits;
import dev.clusterplanner.core.model.ModelRules;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.ui.PlanDocument;
import dev.clusterplanner.ui.UserWords;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The selected site's stock limits ({@code available} in the plan file): for a hardware candidate, the most hosts of
 * that row this site may use, over the catalog row's own stock. The count is checked as it is typed (a whole number
 * from 0 to {@link Limits#MAX_HOSTS}, the rule a plan file is read by); add, change and remove are each one undoable
 * edit, saved with the plan. The sizing reads the figure through {@link Site#stockOf}.
 */
public class StockLimitsViewModel extends SiteListEditor<StockLimitsViewModel.Limit, StockLimitsViewModel.Draft> {

    /** One limit: the most hosts of catalog row {@code hardware} this site may use. */
    public record Limit(String hardware, int most) {
    }

    /** What the form holds, as typed. */
    public record Draft(String hardware, String most) {
    }

    /** Field names of {@link #problems}. */
    public static final String HARDWARE = "hardware";
    public static final String MOST = "most";

    public StockLimitsViewModel(PlanDocument document, IntegerProperty siteIndex, ObjectProperty<Catalog> catalog, StringProperty status) {
        super(document, siteIndex, catalog, status);
        refresh();
    }

    @Override
    List<Limit> entriesOf(Site site) {
        return site.available().entrySet().stream().map(e -> new Limit(e.getKey(), e.getValue())).toList();
    }

    /** The site's hardware candidates (the catalog rows it compares): the rows a limit can be set for. */
    @Override
    List<String> choicesFor(Optional<Site> site) {
        return site.map(Site::hardware).orElse(List.of());
    }

    @Override
    String noun() {
        return "stock limit";
    }

    @Override
    String editName(Limit l) {
        return describe(l);
    }

    @Override
    String words(Limit l) {
        return describe(l);
    }

    @Override
    String afterRemoval() {
        return "; the catalog's stock holds again (Undo brings it back)";
    }

    /** One limit in words: "rack-a: at most 4 hosts", "rack-a: none (at most 0 hosts)". */
    public static String describe(Limit l) {
        return l.hardware() + ": " + (l.most() == 0 ? "none (at most 0 hosts)" : "at most " + hosts(l.most()));
    }

    /** The limit in words with what the catalog says of that row: "rack-a: at most 4 hosts (the catalog: no limit)". */
    public String line(Limit l) {
        Optional<Hardware> row = catalog.get() == null ? Optional.empty() : catalog.get().hardware(l.hardware());
        String catalogSays = row.isEmpty() ? "not in the catalog"
                : row.get().available() == null ? "the catalog: no limit" : "the catalog: " + row.get().available() + " in stock";
        return describe(l) + " (" + catalogSays + ")";
    }

    private static String hosts(int n) {
        return String.format(Locale.ROOT, "%,d", n) + (n == 1 ? " host" : " hosts");
    }

    /** The draft of a limit (to fill the form when a row is selected). */
    public static Draft draftOf(Limit l) {
        return new Draft(l.hardware(), String.valueOf(l.most()));
    }

    /**
     * Why each field of the draft cannot be saved, by field ({@link #HARDWARE}, {@link #MOST}); empty when it can be.
     * {@code replacing}: the index of the limit it would replace, or -1 for a new one.
     */
    @Override
    public Map<String, String> problems(Draft d, int replacing) {
        Map<String, String> out = new LinkedHashMap<>();
        if (site().isEmpty()) {
            out.put(HARDWARE, "Add a site first.");
            return out;
        }
        Limit limit = parse(d, out);
        if (!out.isEmpty()) {
            return out;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (i != replacing && rows.get(i).hardware().equals(limit.hardware())) {
                out.put(HARDWARE, "'" + limit.hardware() + "' already has a limit: select it in the list and use Change selected.");
                return out;
            }
        }
        Plan changed = withEntry(document.plan(), index(), replacing, limit);
        String field = "sites/" + index() + "/available/" + limit.hardware();
        for (FieldProblem fp : ModelRules.check(changed)) {
            if (fp.field().equals(field)) {
                out.putIfAbsent(MOST, UserWords.fieldNames(fp.message()));
            } else if (fp.field().equals("sites/" + index() + "/available")) {
                out.putIfAbsent(HARDWARE, UserWords.fieldNames(fp.message()));
            }
        }
        return out;
    }

    /**
     * The problems to show as the form is typed, with limit {@code selected} selected in the list (-1: none): a draft
     * for the selected limit's own row is checked as a change of it, any other as a new limit.
     */
    public Map<String, String> problemsAsTyped(Draft d, int selected) {
        boolean sameRow = selected >= 0 && selected < rows.size() && d.hardware() != null
                && rows.get(selected).hardware().equals(d.hardware().trim());
        return problems(d, sameRow ? selected : -1);
    }

    private Limit parse(Draft d, Map<String, String> out) {
        String hw = d.hardware() == null ? "" : d.hardware().trim();
        if (hw.isEmpty()) {
            out.put(HARDWARE, "Choose the hardware the limit is for.");
        } else if (catalog.get() != null && catalog.get().hardware(hw).isEmpty()) {
            out.put(HARDWARE, "'" + hw + "' is not in the catalog.");
        }
        int most = 0;
        String text = d.most() == null ? "" : d.most().trim().replace(",", "");
        String range = "a whole number from 0 to " + String.format(Locale.ROOT, "%,d", Limits.MAX_HOSTS);
        if (text.isEmpty()) {
            out.put(MOST, "Type the most hosts this site may use: " + range + ".");
            return new Limit(hw, most);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            out.put(MOST, "The most hosts must be " + range + ", like 4.");
            return new Limit(hw, most);
        }
        if (value.signum() < 0) {
            out.put(MOST, "The most hosts cannot be below 0 (0: this site may use none of this row).");
        } else if (value.stripTrailingZeros().scale() > 0) {
            out.put(MOST, "The most hosts must be a whole number of hosts (not " + text + ").");
        } else if (value.compareTo(BigDecimal.valueOf(Limits.MAX_HOSTS)) > 0) {
            out.put(MOST, "The most hosts can be at most " + String.format(Locale.ROOT, "%,d", Limits.MAX_HOSTS) + ".");
        } else {
            most = value.intValueExact();
        }
        return new Limit(hw, most);
    }

    @Override
    Limit entryOf(Draft d) {
        return parse(d, new LinkedHashMap<>());
    }

    /** The plan with {@code limit} added at the end, or in place of limit {@code replacing} (keeping the order). */
    @Override
    Plan withEntry(Plan plan, int site, int replacing, Limit limit) {
        return plan.withSite(site, s -> {
            List<Map.Entry<String, Integer>> entries = new ArrayList<>(s.available().entrySet());
            if (replacing >= 0) {
                entries.set(replacing, Map.entry(limit.hardware(), limit.most()));
            } else {
                entries.add(Map.entry(limit.hardware(), limit.most()));
            }
            Map<String, Integer> available = new LinkedHashMap<>();
            entries.forEach(e -> available.put(e.getKey(), e.getValue()));
            return s.withAvailable(available);
        });
    }

    /** The plan without limit {@code index}: the catalog's stock holds for that row again. */
    @Override
    Plan withoutEntry(Plan plan, int site, int index) {
        return plan.withSite(site, s -> {
            Map<String, Integer> available = new LinkedHashMap<>(s.available());
            available.remove(new ArrayList<>(s.available().keySet()).get(index));
            return s.withAvailable(available);
        });
    }
}
