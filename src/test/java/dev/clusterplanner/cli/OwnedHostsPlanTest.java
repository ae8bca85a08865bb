package dev.clusterplanner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterplanner.contract.JsonSchemas;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Done when: a site with two owned hosts plans around them. Ten containers of 10 GiB on local storage, one host failure
 * tolerated. A Meerkat offers 32 - 2 GiB reserve = 30 GiB (three instances). The two owned Meerkats carry 60 of the
 * 100 GiB; with one host lost, n Meerkats keep (n - 1) x 30 GiB, so 100 GiB needs n = 5: keep the 2 owned and add exactly
 * 3 (3,000 USD), against replacing them with 5 new (5,000 USD). A Supermicro offers 384 - 2 = 382 GiB: replace with 2
 * (one lost leaves 382), keep 2 Meerkats + add 2 (adding 1 leaves 60 GiB when the Supermicro is lost).
 */
class OwnedHostsPlanTest {

    static final String MEERKAT = "desktop-meerkat-tall-i5";
    static final String SUPERMICRO = "rack-supermicro-as1115sv-8224p";

    static Path plan(Path dir, String ownedId) throws Exception {
        Path plan = dir.resolve("owned.plan.json");
        Files.writeString(plan, """
                {"format": 1, "name": "two owned Meerkats", "sites": [{"name": "office", "kind": "cluster",
                  "hardware": ["%s", "%s"],
                  "owned": [{"hardware": "%s", "count": 2, "purchased": "2023-04-01", "priceUsd": 900}],
                  "policy": {"failuresTolerated": 1, "minHosts": 1, "storage": "local"},
                  "workloads": [{"name": "web", "kind": "container", "count": 10, "vcpu": 1, "memoryGib": 10, "diskGib": 10}]}]}
                """.formatted(MEERKAT, SUPERMICRO, ownedId));
        return plan;
    }

    @Test
    void aSiteWithTwoOwnedHostsPlansAroundThemInEveryOutput(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("result.json");
        Path csv = dir.resolve("csv");
        Path pdf = dir.resolve("report.pdf");
        CliTest.Result r = CliTest.run("plan", plan(dir, MEERKAT).toString(), "--json", json.toString(), "--csv", csv.toString(),
                "--pdf", pdf.toString());
        assertEquals(Cli.OK, r.code(), r.err());

        // CLI text: keep-and-add ranked first, replace second, the owned hosts named in the placement
        String out = r.out();
        assertTrue(out.contains("1    2 owned " + MEERKAT + " + 3x " + MEERKAT + "     5"), out);
        assertTrue(out.contains("keep 2 owned " + MEERKAT + " + add 3 " + MEERKAT + ", 5 hosts: memory binds at 67 %"), out);
        assertTrue(out.contains("2    " + MEERKAT), out);
        assertTrue(out.contains("replace with 5 " + MEERKAT + " (the owned hosts are not kept)"), out);
        assertTrue(out.contains("keep 2 owned " + MEERKAT + " + add 2 " + SUPERMICRO), out);
        assertTrue(out.contains("replace with 2 " + SUPERMICRO), out);
        assertTrue(out.contains("  owned-1  " + MEERKAT) && out.contains("  owned-2  " + MEERKAT) && out.contains("  host-3   " + MEERKAT), out);

        // result JSON, valid against its schema: kind, owned hosts, new-only capex
        String text = Files.readString(json);
        JsonSchemas.assertConforms(JsonSchemas.RESULT, text, "plan --json with owned hosts");
        JsonNode scenarios = new ObjectMapper().readTree(text).at("/sites/0/scenarios");
        JsonNode keep = scenarios.get(0);
        assertEquals("keep-and-add", keep.get("kind").asText());
        assertEquals(2, keep.at("/ownedByHardware/" + MEERKAT).asInt());
        assertEquals(5, keep.at("/hostsByHardware/" + MEERKAT).asInt());
        assertEquals(3000.0, keep.get("capexUsd").asDouble(), 0.001);
        int ownedInPlacement = 0;
        for (JsonNode h : keep.get("placement")) {
            ownedInPlacement += h.get("owned").asBoolean() ? 1 : 0;
        }
        assertEquals(2, ownedInPlacement);
        JsonNode replace = scenarios.get(1);
        assertEquals("homogeneous", replace.get("kind").asText());
        assertEquals(5000.0, replace.get("capexUsd").asDouble(), 0.001);
        // totals: the same 5 hosts run, so power and backups match; keep saves 2 x 1,000 purchases, less 2 x 100 salvage
        // at the horizon (5 x 100 vs 3 x 100), and 0.83 USD of support a month (5 x 1,000 x 5 % / 12 = 20.83 vs
        // 3 x 1,000 x 5 % / 12 = 12.50 + owned 2 x 900 x 5 % / 12 = 7.50): 2,000 - 200 + 60 x 0.83 = 1,849.80
        assertEquals(1849.80, replace.get("tcoUsd").asDouble() - keep.get("tcoUsd").asDouble(), 0.005);

        // CSV: the keep option in the comparison, the owned hosts in the placement, their price as sunk in the BOM
        assertTrue(Files.readString(csv.resolve("comparison.csv")).contains("keep:" + MEERKAT));
        assertTrue(Files.readString(csv.resolve("placement.csv")).contains("owned-1," + MEERKAT));
        String bom = Files.readString(csv.resolve("bill-of-materials.csv"));
        assertTrue(bom.contains("2 x 900.00 USD = 1,800.00 USD (the price paid, from the plan) is sunk, not counted"), bom);

        // the PDF, read back
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            String pdfText = new PDFTextStripper().getText(d).replace('\n', ' ');
            assertTrue(pdfText.contains("Keep 2 owned " + MEERKAT + " + add 3 " + MEERKAT), pdfText);
            assertTrue(pdfText.contains("owned-1"), "the placement names the owned hosts");
            assertTrue(pdfText.contains("is sunk,"), "the bill of materials shows the owned hosts' price as sunk");
        }
    }

    @Test
    void anOwnedRowMissingFromTheCatalogIsAnInputProblemNamingItsField(@TempDir Path dir) throws Exception {
        CliTest.Result r = CliTest.run("plan", plan(dir, "desktop-no-such-row").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("sites/0/owned/0/hardware"), r.err());
        assertTrue(r.err().contains("owned hardware 'desktop-no-such-row' is not in the catalog"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void theRiskSimulationGivesTheOwnedHostsAnAgeAwareFailureRate(@TempDir Path dir) throws Exception {
        CliTest.Result r = CliTest.run("simulate", plan(dir, MEERKAT).toString(), "--trials", "200");
        assertEquals(Cli.OK, r.code(), r.err());
        assertTrue(r.out().contains("2 owned host(s) with a purchase date fail at a rate that grows with their age"), r.out());
    }
}
