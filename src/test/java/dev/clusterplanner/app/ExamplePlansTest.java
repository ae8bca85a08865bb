package dev.clusterplanner.app;

import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.HardwareCategory;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExamplePlansTest {

    @Test
    void theDefaultPlanIsTheMeerkatClusterAndComesFirst() {
        assertEquals("meerkat-cluster.plan.json", ExamplePlans.NAMES.get(0));
        assertEquals("Three-host System76 Meerkat desktop cluster", ExamplePlans.defaultPlan().name());
    }

    @Test
    void everyExampleOnDiskIsListed() throws IOException {
        Path examples = Path.of(System.getProperty("project.basedir", "."), "catalogs", "examples");
        Set<String> onDisk;
        try (Stream<Path> s = Files.list(examples)) {
            onDisk = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".plan.json")).collect(Collectors.toSet());
        }
        assertEquals(onDisk, Set.copyOf(ExamplePlans.NAMES));
    }

    @Test
    void everyExampleNamesOnlyHardwareThatTheShippedCatalogHas() throws Exception {
        Catalog catalog = new CatalogService(null, CatalogServiceTest.TODAY).loadShipped();
        for (String name : ExamplePlans.NAMES) {
            Plan plan = ExamplePlans.load(name);
            for (Site site : plan.sites()) {
                for (String id : site.hardware()) {
                    assertTrue(catalog.hardware(id).isPresent(), name + " / " + site.name() + ": unknown hardware id " + id);
                }
            }
        }
    }

    @Test
    void eachSeedClusterIsComparedWithABareMetalCloudAndAws() throws Exception {
        Catalog catalog = new CatalogService(null, CatalogServiceTest.TODAY).loadShipped();
        for (String name : List.of("meerkat-cluster.plan.json", "thelio-gpu-cluster.plan.json", "supermicro-cluster.plan.json")) {
            Site site = ExamplePlans.load(name).sites().get(0);
            assertEquals(SiteKind.CLUSTER, site.kind(), name);
            Set<HardwareCategory> categories = site.hardware().stream().map(id -> catalog.hardware(id).orElseThrow().category())
                    .collect(Collectors.toSet());
            assertTrue(categories.contains(HardwareCategory.BAREMETAL_CLOUD), name);
            assertTrue(categories.contains(HardwareCategory.CLOUD), name);
            assertTrue(categories.stream().anyMatch(HardwareCategory::isOwned), name);
        }
    }

    @Test
    void theSeedClustersCostWhatTheSeedSays() throws Exception {
        Catalog catalog = new CatalogService(null, CatalogServiceTest.TODAY).loadShipped();
        // three hosts of the first (owned) candidate: 3 x 1,000; 3 x 2,800 (seed "about 9,000"); 3 x 5,000
        double[] expected = {3 * 1000, 3 * 2800, 3 * 5000};
        String[] names = {"meerkat-cluster.plan.json", "thelio-gpu-cluster.plan.json", "supermicro-cluster.plan.json"};
        for (int i = 0; i < names.length; i++) {
            Hardware first = catalog.hardware(ExamplePlans.load(names[i]).sites().get(0).hardware().get(0)).orElseThrow();
            assertEquals(expected[i], 3 * first.priceUsd(), 1e-9, names[i]);
        }
    }

    @Test
    void theHybridPlanHasADesktopAUatServerAndAProductionCluster() {
        Plan hybrid = ExamplePlans.load("hybrid.plan.json");
        assertEquals(List.of(SiteKind.DESKTOP, SiteKind.SINGLE_SERVER, SiteKind.CLUSTER),
                hybrid.sites().stream().map(Site::kind).toList());
    }
}
