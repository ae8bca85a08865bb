package dev.clusterplanner.app;

import dev.clusterplanner.core.configure.ConfigurationChoice;
import dev.clusterplanner.adapters.export.ResultJson;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.cost.CostOption;
import dev.clusterplanner.core.fleet.FleetSummary;
import dev.clusterplanner.core.sizing.SizingOption;
import dev.clusterplanner.core.storage.StorageNetworkPower;

import java.util.List;

/**
 * One scenario of a site: a sizing option (hardware, hosts, placement) with what it costs. Other analyses add
 * their part as a further component here, one line in {@link PlanningService#scenario} to fill it and its
 * record in {@link ResultJson} to write it.
 *
 * @param capexUsd   purchase price of the hosts (null when a host has no purchase price)
 * @param monthlyUsd rental per month (monthly, or hourly x 730; null when a host has no rental rate)
 * @param tcoUsd     capex + setup + monthly x months (null when a host has neither a price nor a rental rate)
 * @param years      the plan's horizon
 * @param storageNetworkPower storage capacity, network needs and recovery, power and rack space (null until analysed)
 * @param cost       the cost model's option for these hosts (owned, bare-metal or AWS Incus hosts at the plan's
 *                   commitment); null for a mixed option, which keeps the simple figures. When present, capex, monthly
 *                   and tco are its figures (month-1 purchases and setup, month-1 recurring, the monthly series' total)
 * @param configuration the configure-to-order choice behind each of its hardware rows that has options (empty when none)
 * @param fleet      for the cheapest fleet ({@link FleetService}): its lower bound, gap, status and reproducibility; null otherwise
 */
public record ScenarioResult(SizingOption sizing, Double capexUsd, Double monthlyUsd, Double tcoUsd, int years,
                             StorageNetworkPower storageNetworkPower, CostOption cost, List<ConfigurationChoice.Chosen> configuration,
                             FleetSummary fleet) {

    public ScenarioResult {
        configuration = configuration == null ? List.of() : List.copyOf(configuration);
    }

    public ScenarioResult(SizingOption sizing, Double capexUsd, Double monthlyUsd, Double tcoUsd, int years,
                          StorageNetworkPower storageNetworkPower, CostOption cost, List<ConfigurationChoice.Chosen> configuration) {
        this(sizing, capexUsd, monthlyUsd, tcoUsd, years, storageNetworkPower, cost, configuration, null);
    }

    public ScenarioResult(SizingOption sizing, Double capexUsd, Double monthlyUsd, Double tcoUsd, int years,
                          StorageNetworkPower storageNetworkPower, CostOption cost) {
        this(sizing, capexUsd, monthlyUsd, tcoUsd, years, storageNetworkPower, cost, List.of(), null);
    }

    /** The same scenario with the configure-to-order choices behind its hardware. */
    public ScenarioResult withConfiguration(List<ConfigurationChoice.Chosen> chosen) {
        return new ScenarioResult(sizing, capexUsd, monthlyUsd, tcoUsd, years, storageNetworkPower, cost, chosen, fleet);
    }

    public ScenarioResult(SizingOption sizing, Double capexUsd, Double monthlyUsd, Double tcoUsd, int years,
                          StorageNetworkPower storageNetworkPower) {
        this(sizing, capexUsd, monthlyUsd, tcoUsd, years, storageNetworkPower, null);
    }

    public ScenarioResult(SizingOption sizing, Double capexUsd, Double monthlyUsd, Double tcoUsd, int years) {
        this(sizing, capexUsd, monthlyUsd, tcoUsd, years, null, null);
    }

    public ScenarioResult withStorageNetworkPower(StorageNetworkPower snp) {
        return new ScenarioResult(sizing, capexUsd, monthlyUsd, tcoUsd, years, snp, cost, configuration, fleet);
    }

    /** This scenario as the cheapest fleet, with what its search says about it (bound, gap, status). */
    public ScenarioResult withFleet(FleetSummary summary) {
        return new ScenarioResult(sizing, capexUsd, monthlyUsd, tcoUsd, years, storageNetworkPower, cost, configuration, summary);
    }

    /** True for the cheapest fleet found by the optimiser ({@link FleetService}). */
    public boolean isFleet() {
        return fleet != null;
    }

    /** Findings about this scenario (storage, network, power), worst first. */
    public List<Finding> findings() {
        return Finding.worstFirst(storageNetworkPower == null ? List.of() : storageNetworkPower.findings());
    }

    public int hosts() {
        return sizing.hosts();
    }

    public List<String> hardwareIds() {
        return sizing.hardwareIds();
    }

    /** This scenario as {@code sites[].scenarios[]} of the result JSON. */
    public ResultJson.ScenarioDoc toDocument() {
        return ResultJson.scenario(sizing, capexUsd, monthlyUsd, tcoUsd, years, storageNetworkPower, cost, fleet)
                .withConfiguration(configuration.stream().map(ResultJson::configuration).toList());
    }
}
