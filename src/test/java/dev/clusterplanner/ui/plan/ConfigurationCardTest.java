package dev.clusterplanner.ui.plan;

import dev.clusterplanner.app.CatalogService;
import dev.clusterplanner.app.ExamplePlans;
import dev.clusterplanner.app.PlanningService;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.ui.PlanDocument;
import dev.clusterplanner.ui.SynchronousExecutor;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's option cards (and the comparison table, which shows the same words) name the configuration chosen. */
class ConfigurationCardTest {

    @Test
    void theRentedServersCardNamesItsDrivesAndTheAsShippedOneSaysSo() throws Exception {
        Catalog catalog = new CatalogService().load();
        PlanDocument document = new PlanDocument(ExamplePlans.load("supermicro-cluster.plan.json"));
        PlanResultsViewModel vm = new PlanResultsViewModel(document, new SimpleObjectProperty<>(catalog), new SynchronousExecutor(),
                new PlanningService(), new SimpleIntegerProperty(0));
        PlanResultsViewModel.OptionCard ovh = vm.cards().stream()
                .filter(c -> c.scenario().hardwareIds().get(0).startsWith("baremetal-ovh-advance5-8224p")).findFirst().orElseThrow();
        assertEquals(4, ovh.hosts());
        assertEquals("2 x 3.84 TB NVMe (1 for the OS, 1 Ceph data drive) (+52.80 USD a month per host)", ConfigurationWords.of(ovh.scenario()));
        assertTrue(ConfigurationWords.why(ovh.scenario()).contains("as shipped 12 hosts were needed"));
        assertTrue(ovh.explanation().startsWith("4 hosts: Ceph usable capacity binds"), ovh.explanation());
        // the configured row's own name is the card's title, found in the analysis' catalog
        assertTrue(ovh.title().contains("configured: 2 x 3.84 TB NVMe"), ovh.title());
        PlanResultsViewModel.OptionCard supermicro = vm.cards().stream()
                .filter(c -> c.scenario().hardwareIds().get(0).equals("rack-supermicro-as1115sv-8224p")).findFirst().orElseThrow();
        assertEquals("as shipped", ConfigurationWords.of(supermicro.scenario()));
        PlanResultsViewModel.OptionCard aws = vm.cards().stream()
                .filter(c -> c.scenario().hardwareIds().get(0).startsWith("aws-")).findFirst().orElseThrow();
        assertEquals("", ConfigurationWords.of(aws.scenario()), "a row without options shows nothing");
    }
}
