package dev.clusterplanner.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterplanner.core.configure.ConfigurationChoice;
import dev.clusterplanner.core.configure.Configurations;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.sizing.HomogeneousSizing;
import dev.clusterplanner.core.sizing.HostCost;
import dev.clusterplanner.core.sizing.SizingOption;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Plan;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, "Done when": on the supermicro-cluster example the rented OVHcloud Advance-5, offered with drive options,
 * fits in fewer hosts than the fixed row, and the bill of materials (JSON, CSV, the PDF read back) shows the drives.
 * <p>
 * By hand: the site's instance disks are 2,773 GiB = 2,977.5 GB stored; Ceph usable on N equal hosts = (N - 1) x raw per
 * host / 3 copies x 0.85 nearfull (the largest host in reserve). As shipped one 960 GB data drive: 272 GB per host,
 * N - 1 >= 10.95, 12 hosts x 224 USD x 60 months = 161,280 USD. With 2 x 3.84 TB (one data drive of 3,840 GB): 1,088 GB
 * per host, N - 1 >= 2.74, 4 hosts x (224 + 52.80) x 60 = 66,432 USD.
 */
class ConfigureToOrderTest {

    static final String OVH = "baremetal-ovh-advance5-8224p";
    static final String CONFIGURED = OVH + ".ovh-a5-2x3.84tb";
    static Catalog catalog;
    static Plan plan;
    static PlanResult result;

    @BeforeAll
    static void analyse() throws Exception {
        catalog = new CatalogService().load();
        plan = ExamplePlans.load("supermicro-cluster.plan.json");
        result = new PlanningService().analyse(plan, catalog);
    }

    static ScenarioResult ovh() {
        return result.sites().get(0).scenarios().stream().filter(s -> s.hardwareIds().get(0).startsWith(OVH)).findFirst().orElseThrow();
    }

    @Test
    void theRentedServerWithMoreDrivesFitsInFewerHostsThanAsShipped() {
        ScenarioResult s = ovh();
        assertEquals(List.of(CONFIGURED), s.hardwareIds());
        assertEquals(4, s.hosts());
        ConfigurationChoice.Chosen c = s.configuration().get(0);
        assertEquals(12, c.asShipped().hosts(), "the fixed row: Ceph capacity binds");
        assertEquals(161_280, c.asShipped().costUsd(), 0.005);
        assertEquals(66_432, c.sizing().costUsd(), 0.005);
        assertEquals(52.80, c.chosen().addedMonthlyUsd(), 1e-9);
        // the sizing's own sentence for the configured row, then which configuration and why
        String why = s.sizing().explanation();
        assertTrue(why.startsWith("4 hosts: Ceph usable capacity binds at 91 %"), why);
        assertTrue(why.contains("; configured with 2 x 3.84 TB NVMe (1 for the OS, 1 Ceph data drive) (+52.80 USD a month per host):"
                + " as shipped 12 hosts were needed (12 hosts: Ceph usable capacity binds at 100 %"), why);
        assertTrue(why.contains("161,280 against 66,432 USD of purchase, setup and rent over the horizon (how options are ranked; the cost model adds power, colocation, support and growth); 3 of 3 configurations sized"), why);
        // the cost model costed the configured row: rent 276.80 a month per host
        assertEquals(4 * 276.80, s.cost().series().get(1).amount(dev.clusterplanner.core.cost.CostComponent.COMPUTE), 0.005);
        // the row keeps its estimate mark: the add-on is an estimate with its formula
        assertTrue(result.catalogOver(catalog).hardware(CONFIGURED).orElseThrow().estimate());
    }

    @Test
    void fourDrivesWouldCostMoreBecauseTheirOsdsTakeTheMemoryAThirdHostWouldNeed() throws Exception {
        // 4 x 3.84 TB (3 Ceph data drives) carries 3 x 1,088 = 3,264 GB per host: Ceph alone would allow the minimum 3,
        // but each OSD takes 4 GiB: 96 - 2 reserve - 3 x 4 - 2 mon/mgr = 80 GiB per host (88 with one OSD), and two
        // survivors of a failure hold 160 GiB, less than the site needs; so 4 hosts x (224 + 123.20) x 60 = 83,328 USD,
        // dearer than 4 hosts with 2 x 3.84 TB (66,432)
        Site site = plan.sites().get(0);
        HostCost cost = HostCost.simple(60);
        Hardware four = Configurations.configurations(catalog.hardware(OVH).orElseThrow(), catalog, site.policy(), cost).stream()
                .filter(h -> h.id().endsWith("ovh-a5-4x3.84tb")).findFirst().orElseThrow();
        SizingOption o = HomogeneousSizing.of(site).size(four, cost);
        assertEquals(4, o.hosts());
        assertEquals(83_328, o.costUsd(), 0.005);
        assertTrue(o.explanation().contains("memory binds"), o.explanation());
        assertEquals(3, ovh().configuration().get(0).tried(), "as shipped, 2 x and 4 x 3.84 TB were sized");
    }

    @Test
    void aPlanMayNameAConfigurationByTheIdTheOutputsWrite() throws Exception {
        // the 4-drive configuration named as a candidate is taken as it is (4 hosts, 83,328 USD), with its choices shown
        String four = OVH + ".ovh-a5-4x3.84tb";
        Plan named = plan.withSite(0, s -> s.withHardware(List.of(four)));
        PlanResult r = new PlanningService().analyse(named, catalog);
        ScenarioResult s = r.sites().get(0).scenarios().get(0);
        assertEquals(List.of(four), s.hardwareIds());
        assertEquals(4, s.hosts());
        assertEquals("ovh-a5-4x3.84tb", s.configuration().get(0).chosen().choices().get(0).option().id());
        assertTrue(s.sizing().explanation().endsWith("; the plan names this configuration"), s.sizing().explanation());
        assertTrue(r.catalogOver(catalog).hardware(four).isPresent());
        // an id that names no configuration is still an input problem
        Plan wrong = plan.withSite(0, x -> x.withHardware(List.of(OVH + ".no-such-choice")));
        assertTrue(assertThrows(dev.clusterplanner.core.model.InputRejectedException.class, () -> new PlanningService().analyse(wrong, catalog))
                .getMessage().contains("is not in the catalog"));
    }

    @Test
    void theJsonNamesTheChosenDrivesWithTheirPriceAndSource() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(new PlanningService().toJson(result));
        JsonNode scenario = null;
        for (JsonNode sc : doc.get("sites").get(0).get("scenarios")) {
            if (sc.get("hardware").asText().equals(CONFIGURED)) {
                scenario = sc;
            }
        }
        assertTrue(scenario != null, "no scenario " + CONFIGURED);
        JsonNode conf = scenario.get("configuration").get(0);
        assertEquals(OVH, conf.get("base").asText());
        assertFalse(conf.get("asShipped").asBoolean());
        JsonNode option = conf.get("options").get(0);
        assertEquals("data-drives", option.get("group").asText());
        assertEquals(52.8, option.get("monthlyUsd").asDouble(), 1e-9);
        assertTrue(option.get("source").asText().contains("5.76 TB, x 330 USD/TB"), option.get("source").asText());
        assertTrue(option.get("estimate").asBoolean());
    }

    @Test
    void theCsvAndThePdfBillOfMaterialsShowTheChosenDrives(@TempDir Path dir) throws Exception {
        new PlanningService().writeCsv(result, dir);
        List<String> lines = Files.readAllLines(dir.resolve("configuration.csv"));
        String row = lines.stream().filter(l -> l.contains(CONFIGURED)).findFirst().orElseThrow();
        // 4 hosts x 52.80 = 211.20 USD a month
        assertTrue(row.contains(",4,data-drives,ovh-a5-2x3.84tb,\"2 x 3.84 TB NVMe (1 for the OS, 1 Ceph data drive)\",,52.80,,211.20,true,"), row);

        byte[] pdf = new ReportService(new PlanningService()).render(plan, catalog, result, List.of(), ReportService.Paper.A4,
                LocalDate.of(2026, 12, 6), null).pdf();
        String text;
        try (PDDocument d = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
        }
        assertTrue(text.contains("configured to order"), "no configured-to-order section");
        assertTrue(text.contains("2 x 3.84 TB NVMe (1 for the OS, 1 Ceph data drive)"), "the PDF does not name the drives");
        assertTrue(text.contains("211.20 a month"), "the PDF does not show 4 x 52.80 a month");
    }
}
