package dev.clusterplanner.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * The network dimension and limited stock through the real command: the meerkat example with a bandwidth on its
 * reverse proxies and two Meerkats in stock. plan --json conforms to the result schema and carries the network
 * utilisation; the Meerkat option is not feasible and says why; the PDF's tables have a network column.
 */
class BandwidthStockOutputsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPlanWithBandwidthAndStockWritesTheNetworkDimensionAndTheStockLimit(@TempDir Path dir) throws Exception {
        ObjectNode plan = JsonContractTest.meerkatPlan();
        ObjectNode site = (ObjectNode) plan.get("sites").get(0);
        site.putObject("available").put("desktop-meerkat-tall-i5", 2);
        for (JsonNode w : (ArrayNode) site.get("workloads")) {
            if (w.get("name").asText().equals("reverse-proxy")) {
                ((ObjectNode) w).put("bandwidthMbps", 1000);
            }
        }
        Path file = dir.resolve("bw.plan.json");
        Files.writeString(file, plan.toString());
        Path json = dir.resolve("bw.result.json");
        Path pdf = dir.resolve("bw.pdf");
        JsonContractTest.cli("plan", file.toString(), "--json", json.toString(), "--pdf", pdf.toString());
        String text = Files.readString(json);
        JsonSchemas.assertConforms(JsonSchemas.RESULT, text, "plan --json with bandwidth and stock");

        JsonNode scenarios = JSON.readTree(text).get("sites").get(0).get("scenarios");
        boolean sawMeerkat = false;
        for (JsonNode sc : scenarios) {
            // two reverse proxies of 1,000 Mbit/s are placed: every option's network utilisation is a number above 0
            assertTrue(sc.get("utilisation").get("network").isNumber(), sc.get("explanation").asText());
            assertTrue(sc.get("utilisation").get("network").asDouble() > 0);
            if ("desktop-meerkat-tall-i5".equals(sc.get("hardware").asText())) {
                sawMeerkat = true;
                // three Meerkats needed (minHosts 3), two in stock
                assertFalse(sc.get("feasible").asBoolean());
                assertTrue(sc.get("explanation").asText().startsWith("needs 3 hosts; 2 in stock (this site's stock limit)"),
                        sc.get("explanation").asText());
                // Meerkat: 2 x 2.5 Gbit/s under Ceph, one port is the cluster network: 2,500 Mbit/s per host for instances
                assertEquals(2500, sc.get("placement").get(0).get("capacity").get("network").asDouble(), 1e-9);
            }
        }
        assertTrue(sawMeerkat);
        String pdfText;
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            pdfText = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
        }
        assertTrue(pdfText.contains("Network"), "the PDF's option and placement tables have a network column");
        assertTrue(pdfText.contains("needs 3 hosts; 2 in stock"), "the PDF gives the stock reason");
    }
}
