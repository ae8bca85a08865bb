package dev.clusterplanner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** {@code plan PLAN --csv DIR}: one file per table, and the numbers equal the JSON's. Runs on the shipped catalogs. */
class PlanCsvCommandTest {

    static final String PLAN = """
            {"format": 1, "name": "p", "sites": [{"name": "prod", "kind": "cluster",
              "hardware": ["desktop-meerkat-tall-i5"], "workloads": [
              {"name": "web", "kind": "container", "count": 3, "vcpu": 1, "memoryGib": 2, "diskGib": 20, "netMbps": 1, "growthPctYear": 30}]}]}
            """;

    @Test
    void aFolderGetsOneFilePerTableWithTheSameNumbersAsTheJson(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("p.plan.json");
        Files.writeString(plan, PLAN);
        Path out = dir.resolve("tables");
        Path json = dir.resolve("r.json");
        CliTest.Result r = CliTest.run("plan", plan.toString(), "--csv", out.toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("comparison.csv", "plan-totals.csv", "monthly.csv", "bill-of-materials.csv", "placement.csv")) {
            assertTrue(Files.exists(out.resolve(f)), f);
            assertTrue(r.out().contains("Wrote " + out.resolve(f)), r.out());
        }
        assertTrue(r.out().contains("Cost of site 'prod' over 60 months"), r.out());
        JsonNode site = new ObjectMapper().readTree(json.toFile()).get("sites").get(0);
        Map<String, JsonNode> byId = new HashMap<>();
        site.get("cost").get("options").forEach(o -> byId.put(o.get("id").asText(), o));
        List<String[]> rows;
        try (CSVReader reader = new CSVReader(new StringReader(Files.readString(out.resolve("comparison.csv"), StandardCharsets.UTF_8)))) {
            rows = reader.readAll();
        }
        List<String> header = List.of(rows.get(0));
        assertEquals(byId.size(), rows.size() - 1, "one row per option");
        for (String[] row : rows.subList(1, rows.size())) {
            JsonNode o = byId.get(row[1]);
            assertNotNull(o, row[1]);
            for (String field : List.of("tcoUsd:total_usd", "npvUsd:npv_usd", "capexUsd:capex_usd", "monthlyUsd:monthly_usd_per_month")) {
                String[] f = field.split(":");
                String csv = row[header.indexOf(f[1])];
                if (o.get(f[0]).isNull()) {
                    assertEquals("", csv, row[1] + " " + f[0] + ": missing in JSON, empty in CSV");
                } else {
                    assertEquals(o.get(f[0]).decimalValue().setScale(2).toPlainString(), csv, row[1] + " " + f[0]);
                }
            }
        }
        String placement = Files.readString(out.resolve("placement.csv"));
        assertTrue(placement.startsWith("site,scenario_rank,recommended,host,hardware,instance\r\n"), placement);
        assertTrue(placement.contains("prod,1,true,host-"), placement);
    }

    @Test
    void aCsvFileNameGetsTheComparisonAndSiblingsForTheOtherTables(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("p.plan.json");
        Files.writeString(plan, PLAN);
        CliTest.Result r = CliTest.run("plan", plan.toString(), "--csv", dir.resolve("cost.csv").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(dir.resolve("cost.csv")).startsWith("site,option_id,option,kind"));
        assertTrue(Files.exists(dir.resolve("cost-monthly.csv")));
        assertTrue(Files.exists(dir.resolve("cost-bill-of-materials.csv")));
    }
}
