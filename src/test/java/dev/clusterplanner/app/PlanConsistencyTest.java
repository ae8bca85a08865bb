package dev.clusterplanner.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import dev.clusterplanner.adapters.export.CostCsv;
import dev.clusterplanner.core.cost.CostOption;
import dev.clusterplanner.core.cost.SiteCost;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.simulation.SimulationInputs.Uncertainty;
import dev.clusterplanner.core.simulation.SimulationResult;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One plan, one set of figures: every example plan goes through every consumer of its analysis (the plan's own
 * scenarios and cost model, the risk simulation, the CSV export, the result JSON and the PDF read back with PDFBox), and
 * each must show the same 5-year total for every option and the same recommended option per site.
 */
class PlanConsistencyTest {

    static Catalog catalog;
    static final PlanningService planning = new PlanningService();
    static final SimulationService simulation = new SimulationService();
    static final ReportService reports = new ReportService(planning);

    @BeforeAll
    static void loadCatalog() throws Exception {
        catalog = new CatalogService().load();
    }

    static List<String> examples() {
        return ExamplePlans.NAMES;
    }

    /** The figures one consumer shows: option id -> total over the horizon, and the recommended option per site. */
    record Figures(Map<String, Double> totals, Map<String, String> recommended) {
        Figures() {
            this(new HashMap<>(), new HashMap<>());
        }
    }

    static String key(String site, String optionId) {
        return site + " / " + optionId;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyConsumerShowsTheSameTotalsAndTheSameRecommendedOption(String example, @TempDir Path dir) throws Exception {
        Plan plan = ExamplePlans.load(example);
        PlanResult result = planning.analyse(plan, catalog);
        assertNotNull(result.cost(), example + ": the plan is costed");

        // the plan itself: every cost option of every site, and the scenario the site recommends
        Figures fromPlan = new Figures();
        for (SiteResult s : result.sites()) {
            SiteCost sc = s.cost();
            assertNotNull(sc, s.name());
            for (CostOption o : sc.options()) {
                fromPlan.totals().put(key(s.name(), o.id()), o.tcoUsd());
            }
            s.recommended().ifPresent(r -> fromPlan.recommended().put(s.name(), String.join(" + ", r.hardwareIds()) + " x " + r.hosts()));
            for (ScenarioResult sc2 : s.scenarios()) {
                if (sc2.cost() != null) {
                    // the option table shows the cost model's total for exactly these hosts
                    if (sc2.cost().tcoUsd() == null) {
                        assertEquals(null, sc2.tcoUsd(), s.name() + " rank " + sc2.sizing().rank() + ": a missing price stays missing");
                    } else {
                        assertEquals(sc2.cost().tcoUsd(), sc2.tcoUsd(), 1e-6, s.name() + " rank " + sc2.sizing().rank());
                    }
                    if (sc2.sizing().feasible()) {
                        assertEquals(sc2.hosts(), sc2.cost().hostsStart(), s.name() + " " + sc2.cost().id()
                                + ": the cost model costs the hosts the sizing found");
                    } else {
                        assertFalse(sc2.cost().costed(), s.name() + " " + sc2.cost().id() + ": an option that does not place"
                                + " everything is not costed");
                    }
                }
            }
        }
        assertFalse(fromPlan.totals().isEmpty(), example);

        // the risk simulation, with nothing uncertain: starts from the plan's hosts, each option at the plan's total
        List<SimulationService.SiteSimulation> sims = simulation.simulate(plan, catalog, result, 20, 1, Uncertainty.NONE, d -> {
        }, () -> false);
        Figures fromSimulation = new Figures();
        for (SimulationService.SiteSimulation sim : sims) {
            SiteResult s = result.sites().stream().filter(x -> x.name().equals(sim.site())).findFirst().orElseThrow();
            fromSimulation.recommended().put(sim.site(), sim.option() + " x " + sim.hosts());
            for (SimulationResult.OptionStats st : sim.result().options()) {
                CostOption o = s.cost().options().stream().filter(x -> x.label().equals(st.name())).findFirst().orElseThrow();
                fromSimulation.totals().put(key(s.name(), o.id()), st.deterministic());
                // with nothing uncertain every trial costs the plan's figure
                assertEquals(st.deterministic(), st.p95(), 1e-9 * Math.max(1, st.deterministic()), st.name());
            }
        }
        assertEquals(fromPlan.recommended(), fromSimulation.recommended(), example + ": simulated option = recommended option");
        for (var e : fromSimulation.totals().entrySet()) {
            assertEquals(fromPlan.totals().get(e.getKey()), e.getValue(), 0.005, example + ": simulate vs plan, " + e.getKey());
        }
        // every option with complete prices is simulated (the others are named in the assumptions)
        for (SiteResult s : result.sites()) {
            if (s.recommended().isEmpty()) {
                continue;
            }
            for (CostOption o : s.cost().options()) {
                if (o.complete()) {
                    assertTrue(fromSimulation.totals().containsKey(key(s.name(), o.id())), example + ": simulated " + o.id());
                }
            }
        }

        // the CSV export
        List<Path> files = planning.writeCsv(result, dir);
        Path comparison = files.stream().filter(f -> f.getFileName().toString().equals(CostCsv.COMPARISON)).findFirst().orElseThrow();
        Figures fromCsv = new Figures();
        List<String[]> rows = csv(Files.readString(comparison));
        String[] header = rows.get(0);
        int site = col(header, "site");
        int id = col(header, "option_id");
        int total = col(header, "total_usd");
        for (String[] r : rows.subList(1, rows.size())) {
            if (!r[total].isEmpty()) {
                fromCsv.totals().put(key(r[site], r[id]), Double.parseDouble(r[total]));
            }
        }
        Path placement = files.stream().filter(f -> f.getFileName().toString().equals(CostCsv.PLACEMENT)).findFirst().orElseThrow();
        List<String[]> placed = csv(Files.readString(placement));
        int pSite = col(placed.get(0), "site");
        int pRank = col(placed.get(0), "scenario_rank");
        int pRec = col(placed.get(0), "recommended");
        for (String[] r : placed.subList(1, placed.size())) {
            SiteResult s = result.sites().stream().filter(x -> x.name().equals(r[pSite])).findFirst().orElseThrow();
            int rank = Integer.parseInt(r[pRank]);
            assertEquals(s.recommended().map(x -> x.sizing().rank()).orElse(-1) == rank, Boolean.parseBoolean(r[pRec]),
                    example + ": placement.csv marks the recommended option, site " + s.name() + " rank " + rank);
        }

        // the result JSON
        JsonNode json = new ObjectMapper().readTree(planning.toJson(result));
        Figures fromJson = new Figures();
        for (JsonNode s : json.get("sites")) {
            String name = s.get("name").asText();
            for (JsonNode o : s.get("cost").get("options")) {
                if (!o.get("tcoUsd").isNull()) {
                    fromJson.totals().put(key(name, o.get("id").asText()), o.get("tcoUsd").asDouble());
                }
            }
            JsonNode rank = s.get("recommended");
            if (!rank.isNull()) {
                for (JsonNode sc : s.get("scenarios")) {
                    if (sc.get("rank").asInt() == rank.asInt()) {
                        List<String> ids = new ArrayList<>();
                        JsonNode hw = sc.get("hardware");
                        if (hw.isArray()) {
                            hw.forEach(h -> ids.add(h.asText()));
                        } else {
                            ids.add(hw.asText());
                        }
                        fromJson.recommended().put(name, String.join(" + ", ids) + " x " + sc.get("hosts").asInt());
                        if (!sc.get("cost").isNull()) {
                            assertEquals(sc.get("cost").get("tcoUsd").asDouble(), sc.get("tcoUsd").asDouble(), 0.0001, name);
                        }
                    }
                }
            }
        }
        assertEquals(fromPlan.recommended(), fromJson.recommended(), example + ": JSON recommended");

        for (var e : fromPlan.totals().entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            // CSV: two decimals; JSON: four
            assertEquals(e.getValue(), fromCsv.totals().get(e.getKey()), 0.005, example + ": CSV vs plan, " + e.getKey());
            assertEquals(e.getValue(), fromJson.totals().get(e.getKey()), 0.00005, example + ": JSON vs plan, " + e.getKey());
        }

        // the PDF, read back: each site's recommended option with its total, every cost option's total, and the
        // simulation's plan figure of each simulated option shown
        byte[] pdf = reports.render(plan, catalog, result, sims, ReportService.Paper.A4, LocalDate.of(2026, 12, 6), null).pdf();
        String text;
        try (PDDocument d = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
        }
        for (SiteResult s : result.sites()) {
            Optional<ScenarioResult> rec = s.recommended();
            if (rec.isEmpty()) {
                assertTrue(text.contains("No feasible option"), example + " " + s.name());
                continue;
            }
            String recommended = "Total over " + result.years() + " years " + ReportFormat.usd(rec.get().tcoUsd()) + " USD";
            assertTrue(text.contains(recommended), example + ": the PDF shows '" + recommended + "' for site " + s.name());
            for (CostOption o : s.cost().options()) {
                if (o.tcoUsd() != null && o.costed()) {
                    assertTrue(text.contains(usd(o.tcoUsd())), example + ": the PDF shows " + o.id() + " at " + usd(o.tcoUsd()));
                }
            }
        }
        for (SimulationService.SiteSimulation sim : sims) {
            for (SimulationResult.OptionStats st : sim.result().options().subList(0, Math.min(3, sim.result().options().size()))) {
                assertTrue(text.contains("Plan figure " + usd(st.deterministic()) + " USD"), example + ": PDF risk " + st.name());
            }
        }
    }

    static String usd(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static int col(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name);
    }

    static List<String[]> csv(String text) throws Exception {
        try (CSVReader r = new CSVReader(new StringReader(text))) {
            return r.readAll();
        }
    }
}
