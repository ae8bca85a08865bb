package dev.clusterplanner.adapters.export;

import com.opencsv.CSVReader;
import dev.clusterplanner.core.cost.CostAssumptions;
import dev.clusterplanner.core.cost.CostEngine;
import dev.clusterplanner.core.cost.PlanCost;
import dev.clusterplanner.core.cost.SizedHosts;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.CostSettings;
import dev.clusterplanner.core.model.DiskType;
import dev.clusterplanner.core.model.Facility;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.PriceItem;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class CostCsvTest {

    static final Hardware HOST = new Hardware("desktop-a", "Desktop A, \"tall\"", HardwareCategory.DESKTOP, "T", "c", 1, 6, 12, 3, 1, 32,
            1000.0, null, null, 0, 500, 1, 4000, DiskType.SATA_SSD, 2, 2.5, null, 0, 0, 0, 0, 10.0, 30.0, "us", "seed", null, false);
    static final Hardware EC2 = new Hardware("aws-t3.medium", "t3.medium", HardwareCategory.CLOUD, "AWS", "c", 1, 1, 2, 3, 1, 4,
            null, null, 0.0416, 0, 0, 0, 0, null, 1, 5, null, 0, 0, 0, 0, null, null, "us-east-1", "karpenter", null, false);
    static final List<PriceItem> PRICES = List.of(
            p("aws-ebs-gp3-gb-month", 0.08, 0), p("aws-ebs-gp3-iops-month", 0.005, 0), p("aws-ebs-gp3-mbps-month", 0.04, 0),
            p("aws-ebs-snapshot-gb-month", 0.05, 0), p("aws-s3-standard-gb-month-0", 0.023, 0),
            p("aws-transfer-out-gb-0", 0, 0), p("aws-transfer-out-gb-100", 0.09, 100));

    static PriceItem p(String id, double v, double tier) {
        return new PriceItem(id, "aws", id, "usd", v, tier, "us-east-1", "AWS", null, false);
    }

    static PlanCost plan() {
        // growth, a site name with a comma, and three kinds of options: enough rows to make rounding show
        Workload app = new Workload("app", WorkloadKind.CONTAINER, 3, 2, 4, 100, 0, false, 0, 0, 0.7, 0.37, 33, "default");
        Site prod = new Site("prod, east", SiteKind.CLUSTER, List.of(app), List.of("desktop-a"), null, Facility.DATA_CENTRE);
        Site dev = new Site("dev", SiteKind.DESKTOP, List.of(app.withCount(1)), List.of("desktop-a"), null, Facility.OFFICE);
        Plan plan = new Plan("p", "", List.of(prod, dev), CostSettings.DEFAULT);
        Catalog catalog = new Catalog(List.of(HOST, EC2), PRICES, List.of(), Set.of());
        return new CostEngine(catalog, CostSettings.DEFAULT, CostAssumptions.DEFAULT,
                (s, hw) -> SizedHosts.of(Math.max(s.policy().minHosts(), (s.instanceCount() + 2) / 3), null)).plan(plan);
    }

    static List<String[]> read(String csv) throws Exception {
        try (CSVReader r = new CSVReader(new StringReader(csv))) {
            return r.readAll();
        }
    }

    static long cents(String s) {
        return Math.round(Double.parseDouble(s) * 100);
    }

    @Test
    void everyTotalEqualsTheSumOfItsRowsToTheCent() throws Exception {
        PlanCost plan = plan();
        List<String[]> comparison = read(CostCsv.comparison(plan));
        List<String[]> monthly = read(CostCsv.monthly(plan));
        List<String[]> bom = read(CostCsv.billOfMaterials(plan));
        List<String> ch = List.of(comparison.get(0));
        List<String> mh = List.of(monthly.get(0));
        Map<String, Long> monthSums = new HashMap<>();
        for (String[] r : monthly.subList(1, monthly.size())) {
            monthSums.merge(r[0] + "|" + r[1], cents(r[mh.indexOf("total_usd")]), Long::sum);
            // each month's total is the sum of its components
            long parts = 0;
            for (int i = mh.indexOf("hardware_usd"); i < mh.indexOf("total_usd"); i++) {
                parts += cents(r[i]);
            }
            assertEquals(cents(r[mh.indexOf("total_usd")]), parts, "month row " + String.join(",", r));
        }
        Map<String, Long> bomSums = new HashMap<>();
        for (String[] r : bom.subList(1, bom.size())) {
            bomSums.merge(r[0] + "|" + r[1], cents(r[7]), Long::sum);
        }
        int options = 0;
        for (String[] r : comparison.subList(1, comparison.size())) {
            String key = r[0] + "|" + r[1];
            long total = cents(r[ch.indexOf("total_usd")]);
            long parts = 0;
            for (int i = ch.indexOf("hardware_usd"); i < ch.indexOf("total_usd"); i++) {
                parts += cents(r[i]);
            }
            assertEquals(total, parts, "components of " + key);
            assertEquals(total, monthSums.get(key), "monthly rows of " + key);
            if (r[ch.indexOf("kind")].equals("owned")) {
                assertEquals(cents(r[ch.indexOf("hardware_usd")]), bomSums.get(key), "bill of materials of " + key);
            }
            options++;
        }
        assertTrue(options >= 8, "owned, 3 lift-and-shift per site at least: " + options);
        // the plan total of a kind is the sum of the sites' rows of that kind
        List<String[]> totals = read(CostCsv.planTotals(plan));
        String[] owned = totals.stream().filter(r -> r[0].equals("owned")).findFirst().orElseThrow();
        long ownedSum = comparison.subList(1, comparison.size()).stream().filter(r -> r[ch.indexOf("kind")].equals("owned"))
                .mapToLong(r -> cents(r[ch.indexOf("total_usd")])).sum();
        assertEquals(ownedSum, cents(owned[1]));
    }

    @Test
    void numbersAreTheCentRoundedFiguresOfTheModel() throws Exception {
        PlanCost plan = plan();
        List<String[]> comparison = read(CostCsv.comparison(plan));
        List<String> ch = List.of(comparison.get(0));
        var option = plan.sites().get(0).options().get(0);
        String[] row = comparison.get(1);
        assertEquals(option.id(), row[1]);
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f", option.tcoUsd()), row[ch.indexOf("total_usd")]);
        assertEquals(option.tcoUsd(), Double.parseDouble(row[ch.indexOf("total_usd")]), 0.0);
    }

    @Test
    void headersCarryUnitsAndFieldsAreQuotedByRfc4180() {
        String csv = CostCsv.comparison(plan());
        String header = csv.substring(0, csv.indexOf("\r\n"));
        assertTrue(header.contains("hardware_usd") && header.contains("monthly_usd_per_month") && header.contains("energy_kwh_per_month"), header);
        assertTrue(csv.contains("\r\n"), "CRLF line ends");
        assertTrue(csv.contains("\"prod, east\""), "a field with a comma is quoted");
        assertTrue(CostCsv.billOfMaterials(plan()).contains("\"Desktop A, \"\"tall\"\"\""), "quotes are doubled");
    }

    @Test
    void aFolderGetsOneFilePerTableAndAFileNameGetsSiblings(@TempDir Path dir) throws Exception {
        PlanCost plan = plan();
        List<Path> written = CostCsv.write(plan, List.of(new CostCsv.PlacementRow("dev", 1, true, "host-1", "desktop-a", "app-1")), dir.resolve("out"));
        assertEquals(6, written.size());
        assertTrue(Files.exists(dir.resolve("out/comparison.csv")));
        assertTrue(Files.readString(dir.resolve("out/configuration.csv"), StandardCharsets.UTF_8).startsWith("site,scenario_rank,recommended,hardware,"));
        assertTrue(Files.readString(dir.resolve("out/placement.csv"), StandardCharsets.UTF_8).contains("dev,1,true,host-1,desktop-a,app-1\r\n"));
        List<Path> single = CostCsv.write(plan, List.of(), dir.resolve("cost.csv"));
        assertEquals(dir.resolve("cost.csv"), single.get(0));
        assertTrue(Files.exists(dir.resolve("cost-monthly.csv")));
        assertTrue(Files.exists(dir.resolve("cost-bill-of-materials.csv")));
        assertTrue(Files.exists(dir.resolve("cost-configuration.csv")));
        byte[] bytes = Files.readAllBytes(dir.resolve("cost.csv"));
        assertNotEquals((byte) 0xEF, bytes[0], "no byte-order mark");
    }

    @Test
    void anOptionTheSiteDoesNotFitHasBlankFiguresNotZeros() throws Exception {
        Workload app = new Workload("app", WorkloadKind.CONTAINER, 3, 2, 4, 100, 0, false, 0, 0, 0, 0.3, 0, "default");
        Site prod = new Site("prod", SiteKind.CLUSTER, List.of(app), List.of("desktop-a"), null, Facility.OFFICE);
        Plan plan = new Plan("p", "", List.of(prod), CostSettings.DEFAULT);
        PlanCost cost = new CostEngine(new Catalog(List.of(HOST), PRICES, List.of(), Set.of()), CostSettings.DEFAULT, CostAssumptions.DEFAULT,
                (site, hw) -> SizedHosts.cannotFit("needs 2 GPUs; desktop-a has 0")).plan(plan);
        List<String[]> rows = read(CostCsv.comparison(cost));
        List<String> header = List.of(rows.get(0));
        String[] owned = rows.stream().filter(r -> r[1].equals("owned:desktop-a")).findFirst().orElseThrow();
        for (String column : List.of("hardware_usd", "electricity_usd", "total_usd", "capex_usd", "monthly_usd_per_month")) {
            assertEquals("", owned[header.indexOf(column)], column + " of an option that was not costed");
        }
        assertTrue(owned[header.indexOf("missing")].contains("needs 2 GPUs"), owned[header.indexOf("missing")]);
    }
}
