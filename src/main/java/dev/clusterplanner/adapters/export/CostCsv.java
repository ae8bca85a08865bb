package dev.clusterplanner.adapters.export;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import dev.clusterplanner.adapters.files.AtomicFile;
import dev.clusterplanner.core.cost.BomLine;
import dev.clusterplanner.core.cost.CostComponent;
import dev.clusterplanner.core.cost.CostOption;
import dev.clusterplanner.core.cost.MonthCost;
import dev.clusterplanner.core.cost.PlanCost;
import dev.clusterplanner.core.cost.SiteCost;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cost tables as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma,
 * a quote or a line break; UTF-8 without a byte-order mark). Units are in the column names
 * ({@code _usd}, {@code _usd_per_month}, {@code _kwh_per_month}). Money is written with two decimals,
 * exactly the cent-rounded figures the JSON carries; a missing figure is an empty field, never 0.
 */
public final class CostCsv {

    /** One instance on one host of a sized scenario (from the sizing engine's placement); {@code rank} 1 is recommended. */
    public record PlacementRow(String site, int rank, boolean recommended, String host, String hardware, String instance) {
    }

    public static final String COMPARISON = "comparison.csv";
    public static final String PLAN_TOTALS = "plan-totals.csv";
    public static final String MONTHLY = "monthly.csv";
    public static final String BOM = "bill-of-materials.csv";
    public static final String PLACEMENT = "placement.csv";
    /** Written only when a site has a cheapest fleet ({@code plan --fleet}). */
    public static final String FLEET = "fleet.csv";

    /**
     * One site's cheapest fleet: its rank among the site's options, hosts, the cost it minimised, the lower bound and the gap
     * (0..1), why the search stopped, whether the same plan and time limit give it again, the time limit and the time taken.
     */
    public record FleetRow(String site, int rank, boolean recommended, boolean feasible, int hosts, String hostsByHardware,
                           double costUsd, double lowerBoundUsd, double gap, String status, boolean reproducible,
                           double timeLimitSeconds, double seconds) {
    }

    public static final String CONFIGURATION = "configuration.csv";

    /**
     * One choice of a configured host type of a scenario (configure-to-order): per host what it adds to the price or the
     * monthly rent, times the scenario's hosts of that type; a row as shipped is one line with choice "as shipped".
     */
    public record ConfigurationRow(String site, int rank, boolean recommended, String hardware, String base, int hosts,
                                   String group, String optionId, String choice, Double priceUsd, Double monthlyUsd,
                                   boolean estimate, String source, String sourceDate) {
    }

    private CostCsv() {
    }

    /** One row per option of every site; one column per cost component over the horizon, then the totals. */
    public static String comparison(PlanCost plan) {
        List<String> header = new ArrayList<>(List.of("site", "option_id", "option", "kind", "aws_commitment", "hardware", "estimate",
                "hosts_start", "hosts_end", "months"));
        for (CostComponent c : CostComponent.values()) {
            header.add(c.id() + "_usd");
        }
        header.addAll(List.of("total_usd", "npv_usd", "capex_usd", "monthly_usd_per_month", "amortisation_usd_per_month",
                "cost_per_instance_usd_per_month", "energy_kwh_per_month", "cheapest", "missing"));
        List<String[]> rows = new ArrayList<>();
        for (SiteCost sc : plan.sites()) {
            for (CostOption o : sc.options()) {
                List<String> r = new ArrayList<>(List.of(sc.site(), o.id(), o.label(), o.kind().id(),
                        o.commitment() == null ? "" : o.commitment().id(), o.hardwareId(), Boolean.toString(o.estimate()),
                        Integer.toString(o.hostsStart()), Integer.toString(o.hostsEnd()), Integer.toString(sc.months())));
                for (CostComponent c : CostComponent.values()) {
                    r.add(!o.costed() ? "" : o.totals().containsKey(c) ? usd(o.totals().get(c)) : usd(0.0));
                }
                r.addAll(List.of(usd(o.tcoUsd()), usd(o.npvUsd()), o.costed() ? usd(o.capexUsd()) : "", o.costed() ? usd(o.monthlyUsd()) : "", usd(o.amortisedMonthlyUsd()),
                        usd(o.costPerInstanceMonthUsd()), kwh(o.energyKwhMonth()), Boolean.toString(o.id().equals(sc.cheapestId())),
                        String.join("; ", o.missing())));
                rows.add(r.toArray(String[]::new));
            }
        }
        return csv(header, rows);
    }

    /** The whole plan: one row per option key (each site on its cheapest option of that key), and the cheapest mix. */
    public static String planTotals(PlanCost plan) {
        List<String> header = List.of("option", "total_usd", "npv_usd", "months", "cheapest", "options_per_site", "missing");
        List<String[]> rows = new ArrayList<>();
        for (PlanCost.PlanOptionTotal t : plan.totals()) {
            rows.add(new String[]{t.key(), usd(t.tcoUsd()), usd(t.npvUsd()), Integer.toString(plan.months()),
                    Boolean.toString(t.key().equals(plan.cheapestKey())), String.join("; ", t.optionIds()), String.join("; ", t.missing())});
        }
        return csv(header, rows);
    }

    /** One row per option and month; the total of an option's rows is its {@code total_usd} in the comparison. */
    public static String monthly(PlanCost plan) {
        List<String> header = new ArrayList<>(List.of("site", "option_id", "month", "year", "instances", "hosts"));
        for (CostComponent c : CostComponent.values()) {
            header.add(c.id() + "_usd");
        }
        header.addAll(List.of("total_usd", "cumulative_usd", "energy_kwh_per_month"));
        List<String[]> rows = new ArrayList<>();
        for (SiteCost sc : plan.sites()) {
            for (CostOption o : sc.options()) {
                for (MonthCost m : o.series()) {
                    List<String> r = new ArrayList<>(List.of(sc.site(), o.id(), Integer.toString(m.month()),
                            Integer.toString((m.month() - 1) / 12 + 1), Integer.toString(m.instances()), Integer.toString(m.hosts())));
                    for (CostComponent c : CostComponent.values()) {
                        r.add(usd(m.amount(c)));
                    }
                    r.addAll(List.of(usd(m.totalUsd()), usd(m.cumulativeUsd()), kwh(m.energyKwh())));
                    rows.add(r.toArray(String[]::new));
                }
            }
        }
        return csv(header, rows);
    }

    /** Every purchase of the owned options; an option's {@code hardware_usd} is the sum of its rows. */
    public static String billOfMaterials(PlanCost plan) {
        List<String> header = List.of("site", "option_id", "month", "item", "name", "quantity", "unit_price_usd", "total_usd",
                "reason", "estimate", "source", "source_date");
        List<String[]> rows = new ArrayList<>();
        for (SiteCost sc : plan.sites()) {
            for (CostOption o : sc.options()) {
                for (BomLine b : o.bom()) {
                    rows.add(new String[]{sc.site(), o.id(), Integer.toString(b.month()), b.item(), b.name(), Integer.toString(b.quantity()),
                            usd(b.unitPriceUsd()), usd(b.totalUsd()), b.reason(), Boolean.toString(b.estimate()), nz(b.source()),
                            b.sourceDate() == null ? "" : b.sourceDate().toString()});
                }
            }
        }
        return csv(header, rows);
    }

    public static String placement(List<PlacementRow> placement) {
        List<String[]> rows = new ArrayList<>();
        for (PlacementRow p : placement) {
            rows.add(new String[]{p.site(), Integer.toString(p.rank()), Boolean.toString(p.recommended()), p.host(), p.hardware(), p.instance()});
        }
        return csv(List.of("site", "scenario_rank", "recommended", "host", "hardware", "instance"), rows);
    }

    /** The configure-to-order bill of materials: every choice of every configured host type of every scenario. */
    public static String configuration(List<ConfigurationRow> rows) {
        List<String[]> out = new ArrayList<>();
        for (ConfigurationRow c : rows) {
            out.add(new String[]{c.site(), Integer.toString(c.rank()), Boolean.toString(c.recommended()), c.hardware(), c.base(),
                    Integer.toString(c.hosts()), nz(c.group()), nz(c.optionId()), c.choice(), usd(c.priceUsd()), usd(c.monthlyUsd()),
                    c.priceUsd() == null ? "" : usd(c.priceUsd() * c.hosts()), c.monthlyUsd() == null ? "" : usd(c.monthlyUsd() * c.hosts()),
                    Boolean.toString(c.estimate()), nz(c.source()), nz(c.sourceDate())});
        }
        return csv(List.of("site", "scenario_rank", "recommended", "hardware", "base_hardware", "hosts", "group", "option_id",
                "choice", "price_usd_per_host", "monthly_usd_per_host", "total_usd", "total_usd_per_month", "estimate",
                "source", "source_date"), out);
    }

    public static String fleet(List<FleetRow> fleet) {
        List<String[]> rows = new ArrayList<>();
        for (FleetRow f : fleet) {
            rows.add(new String[]{f.site(), Integer.toString(f.rank()), Boolean.toString(f.recommended()), Boolean.toString(f.feasible()),
                    Integer.toString(f.hosts()), f.hostsByHardware(), money(f.costUsd()), money(f.lowerBoundUsd()),
                    String.format(Locale.ROOT, "%.4f", f.gap()), f.status(), Boolean.toString(f.reproducible()),
                    String.format(Locale.ROOT, "%.3f", f.timeLimitSeconds()), String.format(Locale.ROOT, "%.3f", f.seconds())});
        }
        return csv(List.of("site", "scenario_rank", "recommended", "feasible", "hosts", "hosts_by_hardware", "cost_usd", "lower_bound_usd",
                "gap", "status", "reproducible", "time_limit_s", "seconds"), rows);
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Every table by file name, in the order they are written; {@code fleet.csv} only when there is a fleet. */
    public static Map<String, String> tables(PlanCost plan, List<PlacementRow> placement, List<ConfigurationRow> configuration,
                                             List<FleetRow> fleet) {
        Map<String, String> out = tables(plan, placement, configuration);
        if (!fleet.isEmpty()) {
            out.put(FLEET, fleet(fleet));
        }
        return out;
    }

    /** Every table by file name, in the order they are written. */
    public static Map<String, String> tables(PlanCost plan, List<PlacementRow> placement) {
        return tables(plan, placement, List.of());
    }

    /** Every table by file name, in the order they are written (with the configure-to-order bill of materials). */
    public static Map<String, String> tables(PlanCost plan, List<PlacementRow> placement, List<ConfigurationRow> configuration) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(COMPARISON, comparison(plan));
        out.put(PLAN_TOTALS, planTotals(plan));
        out.put(MONTHLY, monthly(plan));
        out.put(BOM, billOfMaterials(plan));
        out.put(PLACEMENT, placement(placement));
        out.put(CONFIGURATION, configuration(configuration));
        return out;
    }

    /**
     * Writes the tables. {@code target} ending in {@code .csv} is the comparison table, the others go beside it as
     * {@code NAME-plan-totals.csv}, {@code NAME-monthly.csv}, {@code NAME-bill-of-materials.csv},
     * {@code NAME-placement.csv} and {@code NAME-configuration.csv}; any other {@code target} is a folder (created if
     * needed) holding {@code comparison.csv}, {@code plan-totals.csv}, {@code monthly.csv}, {@code bill-of-materials.csv},
     * {@code placement.csv} and {@code configuration.csv}. Each file is written to a temporary file and renamed over the target.
     *
     * @return the files written
     */
    public static List<Path> write(PlanCost plan, List<PlacementRow> placement, Path target) throws IOException {
        return write(plan, placement, List.of(), target);
    }

    /** As {@link #write(PlanCost, List, Path)}, with the configure-to-order bill of materials ({@code configuration.csv}). */
    public static List<Path> write(PlanCost plan, List<PlacementRow> placement, List<ConfigurationRow> configuration, Path target)
            throws IOException {
        return write(plan, placement, configuration, List.of(), target);
    }

    /** As {@link #write(PlanCost, List, List, Path)}, with {@code fleet.csv} (or {@code NAME-fleet.csv}) when there is a fleet. */
    public static List<Path> write(PlanCost plan, List<PlacementRow> placement, List<ConfigurationRow> configuration, List<FleetRow> fleet,
                                   Path target) throws IOException {
        Map<String, String> tables = tables(plan, placement, configuration, fleet);
        List<Path> written = new ArrayList<>();
        String name = target.getFileName() == null ? "" : target.getFileName().toString();
        boolean single = name.toLowerCase(Locale.ROOT).endsWith(".csv") && !Files.isDirectory(target);
        for (Map.Entry<String, String> e : tables.entrySet()) {
            Path file;
            if (single) {
                String stem = name.substring(0, name.length() - 4);
                file = e.getKey().equals(COMPARISON) ? target : target.resolveSibling(stem + "-" + e.getKey());
            } else {
                file = target.resolve(e.getKey()); // the folder is created by the write
            }
            AtomicFile.writeString(file, e.getValue());
            written.add(file);
        }
        return written;
    }

    private static String csv(List<String> header, List<String[]> rows) {
        StringWriter sw = new StringWriter();
        try (ICSVWriter w = new CSVWriterBuilder(sw).withLineEnd(ICSVWriter.RFC4180_LINE_END).build()) {
            w.writeNext(header.toArray(String[]::new), false);
            for (String[] r : rows) {
                String[] safe = new String[r.length];
                for (int i = 0; i < r.length; i++) {
                    safe[i] = cell(r[i]);
                }
                w.writeNext(safe, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    /**
     * A cell a spreadsheet shows as text: one that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
     * carriage return would be taken as a formula (a name like {@code =HYPERLINK(...)} runs when the file is
     * opened), so it gets a leading apostrophe, the way spreadsheets mark text. Numbers (a negative amount) are
     * kept as they are.
     */
    static String cell(String v) {
        if (v == null || v.isEmpty()) {
            return v;
        }
        char c = v.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        return risky && !NUMBER.matcher(v).matches() ? "'" + v : v;
    }

    /** Two decimals, as in the JSON; empty for a missing figure. */
    static String usd(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.2f", v);
    }

    static String kwh(Double v) {
        if (v == null) {
            return "";
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
