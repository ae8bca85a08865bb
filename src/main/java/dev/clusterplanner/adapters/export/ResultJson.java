package dev.clusterplanner.adapters.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.clusterplanner.adapters.export.CostJson.OptionSummaryDoc;
import dev.clusterplanner.adapters.export.CostJson.PlanCostDoc;
import dev.clusterplanner.adapters.export.CostJson.SiteCostDoc;
import dev.clusterplanner.adapters.export.ExportJson.ExplanationDoc;
import dev.clusterplanner.adapters.export.ExportJson.FindingDoc;
import dev.clusterplanner.core.cost.CostOption;
import dev.clusterplanner.core.fleet.FleetSummary;
import dev.clusterplanner.core.cost.PlanCost;
import dev.clusterplanner.core.cost.SiteCost;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.sizing.Dimension;
import dev.clusterplanner.core.sizing.FailureCheck;
import dev.clusterplanner.core.sizing.PlacedHost;
import dev.clusterplanner.core.sizing.SizingOption;
import dev.clusterplanner.core.sizing.SizingResult;
import dev.clusterplanner.core.sizing.UnplacedInstance;
import dev.clusterplanner.core.storage.Figures;
import dev.clusterplanner.core.storage.StorageNetworkPower;

import java.io.IOException;
import java.nio.file.Path;
import dev.clusterplanner.core.configure.Configuration;
import dev.clusterplanner.core.configure.ConfigurationChoice;

import java.util.List;
import java.util.Map;

/**
 * The result JSON ({@code plan --json}; docs/reference/result-json.md; schema src/main/resources/schemas/result.schema.json) as
 * typed records, and the one mapping from an analysis onto them. The application hands over its analysis piece by
 * piece (a site's sizing, each scenario's figures); the shape of the document is decided here only, and written by
 * {@link ExportJson}.
 */
public final class ResultJson {

    /** Version of the result JSON layout. */
    public static final int FORMAT = 1;

    private ResultJson() {
    }

    public record ResultDoc(int format, String plan, int years, List<SiteDoc> sites, PlanCostDoc cost) {
    }

    public record SiteDoc(String name, String kind, String storage, int failuresTolerated, int instances, Integer recommended,
                          List<ScenarioDoc> scenarios, List<FindingDoc> findings, List<ExplanationDoc> formulas, SiteCostDoc cost) {
    }

    /**
     * A sizing option with what it costs. The storage, network and power figures ({@code snp}) are written only once the
     * option was analysed.
     */
    public record ScenarioDoc(@JsonUnwrapped SizingDoc sizing, Double capexUsd, Double monthlyUsd, Double tcoUsd, int years,
                              @JsonUnwrapped StorageNetworkPowerDoc snp, OptionSummaryDoc cost, List<ConfigurationDoc> configuration,
                              @JsonInclude(JsonInclude.Include.NON_NULL) FleetDoc fleet) {
        public ScenarioDoc {
            configuration = configuration == null ? List.of() : List.copyOf(configuration);
        }

        /** The same scenario with the configure-to-order choices behind its hardware. */
        public ScenarioDoc withConfiguration(List<ConfigurationDoc> c) {
            return new ScenarioDoc(sizing, capexUsd, monthlyUsd, tcoUsd, years, snp, cost, c, fleet);
        }
    }

    /**
     * What the cheapest-fleet search says about its option: cost, lower bound, gap (0..1), why it stopped, whether the same
     * plan and time limit give the same fleet, the time limit asked for and the time taken, the steps and the starting cost.
     */
    public record FleetDoc(double costUsd, double lowerBoundUsd, double gap, String status, boolean reproducible,
                           double timeLimitSeconds, double seconds, long steps, double startCostUsd, String summary) {
        static FleetDoc of(FleetSummary f) {
            return new FleetDoc(f.costUsd(), f.lowerBoundUsd(), f.gap(), f.statusId(), f.reproducible(), f.budgetSeconds(),
                    Math.round(f.seconds() * 1000) / 1000.0, f.steps(), f.startCostUsd(), f.sentence());
        }
    }

    /** A configured row of a scenario: the choices taken (each with its price and source), what they add, and why. */
    public record ConfigurationDoc(String hardware, String base, boolean asShipped, double addedUsd, double addedMonthlyUsd,
                                   List<ChoiceDoc> options, int tried, int offered, String explanation) {
    }

    public record ChoiceDoc(String id, String group, String choice, Double priceUsd, Double monthlyUsd, String source,
                            String sourceDate, boolean estimate) {
    }

    /** {@code hardware} is the hardware id, or the list of ids of a mixed option. */
    public record SizingDoc(int rank, String kind, Object hardware, Map<String, Integer> hostsByHardware, int hosts, int hostsLowerBound,
                            boolean feasible, String explanation, String bindingDimension, DimensionsDoc utilisation,
                            FailureCheckDoc failureCheck, List<PlacedHostDoc> placement, List<UnplacedDoc> unplaced,
                            List<ExplanationDoc> formulas, Map<String, Integer> ownedByHardware) {
    }

    /** One figure per dimension; null where the dimension does not apply. */
    public record DimensionsDoc(Double cpu, Double memory, Double disk, Double gpu, Double network) {
        static DimensionsDoc of(Map<Dimension, Double> m) {
            return new DimensionsDoc(m.get(Dimension.CPU), m.get(Dimension.MEMORY), m.get(Dimension.DISK), m.get(Dimension.GPU),
                    m.get(Dimension.NETWORK));
        }
    }

    public record FailureCheckDoc(int failuresTolerated, String method, long setsChecked, boolean holds, String summary) {
    }

    public record PlacedHostDoc(String host, String hardware, List<String> instances, DimensionsDoc utilisation, DimensionsDoc used,
                                DimensionsDoc capacity, boolean owned) {
    }

    public record UnplacedDoc(String instance, String workload, String rule, String reason) {
    }

    public record StorageNetworkPowerDoc(double usableTiB, double rawTiB, double recoveryHoursHostLoss, double replicationGbps,
                                         double nicGbpsRequired, Double powerWatts, Double energyKwhMonth, int rackUnits,
                                         StorageDoc storage, NetworkDoc network, PowerDoc power, List<FindingDoc> findings,
                                         List<ExplanationDoc> explanations) {
    }

    public record StorageDoc(String mode, String description, int osds, double rawOverhead, double safeTiB, double storedTiB,
                             double storedTiBAtHorizon, Boolean healsAfterHostLoss) {
    }

    public record NetworkDoc(double nicGbps, int nicPorts, double portLoadGbps, double recoveryHoursDiskLoss,
                             double recoveryHoursHostLossWhenFull, String riskWindow) {
    }

    public record PowerDoc(boolean applicable, double utilisation, double pue, Double facilityWatts, Double electricityUsdMonth,
                           Double heatBtuPerHour, Double peakWatts, Double ampsAt120V, Double ampsAt230V, Double colocationUsdMonth) {
    }

    // ------------------------------------------------------------------ the mapping

    public static ResultDoc document(String plan, int years, List<SiteDoc> sites, PlanCost cost) {
        return new ResultDoc(FORMAT, plan, years, sites, cost == null ? null : CostJson.plan(cost));
    }

    /** A site: its sizing settings, its scenarios (ranked), its findings and formulas, and its cost comparison (may be null). */
    public static SiteDoc site(String name, SiteKind kind, SizingResult sizing, Integer recommendedRank, List<ScenarioDoc> scenarios,
                               List<Finding> findings, SiteCost cost) {
        return new SiteDoc(name, kind.id(), sizing.storage().id(), sizing.failuresTolerated(), sizing.instances(), recommendedRank,
                scenarios, ExportJson.findings(findings), ExportJson.explanations(sizing.formulas()), cost == null ? null : CostJson.site(cost));
    }

    /** A scenario: the sizing option, its simple figures, storage/network/power when analysed (may be null), its cost option (may be null). */
    public static ScenarioDoc scenario(SizingOption sizing, Double capexUsd, Double monthlyUsd, Double tcoUsd, int years,
                                       StorageNetworkPower snp, CostOption cost, FleetSummary fleet) {
        return new ScenarioDoc(sizingOption(sizing), capexUsd, monthlyUsd, tcoUsd, years, snp == null ? null : storageNetworkPower(snp),
                cost == null ? null : CostJson.summary(cost), List.of(), fleet == null ? null : FleetDoc.of(fleet));
    }

    /** A configure-to-order choice of a scenario's hardware row. */
    public static ConfigurationDoc configuration(ConfigurationChoice.Chosen c) {
        Configuration k = c.chosen();
        List<ChoiceDoc> options = k.choices().stream().map(x -> new ChoiceDoc(x.option().id(), x.option().group().id(),
                x.option().choice(), x.priceUsd(), x.monthlyUsd(), x.priceSource(),
                x.sourceDate() == null ? null : x.sourceDate().toString(), x.estimate())).toList();
        return new ConfigurationDoc(k.row().id(), k.base().id(), k.asShipped(), k.addedUsd(), k.addedMonthlyUsd(), options,
                c.tried(), c.offered(), c.explanation());
    }

    /** A sizing option: hardware, hosts, bound, placement, utilisation, unplaced, failure check, explanation, formulas. */
    public static SizingDoc sizingOption(SizingOption o) {
        List<PlacedHostDoc> hosts = o.placement().hosts().stream().map(ResultJson::placedHost).toList();
        List<UnplacedDoc> unplaced = o.placement().unplaced().stream().map(ResultJson::unplaced).toList();
        return new SizingDoc(o.rank(), o.keepAndAdd() ? "keep-and-add" : o.mixed() ? "mixed" : "homogeneous",
                o.mixed() ? o.hardwareIds() : o.hardwareIds().get(0),
                o.hostsByHardware(), o.hosts(), o.hostsLowerBound(), o.feasible(), o.explanation(),
                o.binding() == null ? null : o.binding().id(), DimensionsDoc.of(o.utilisation()), failureCheck(o.failureCheck()),
                hosts, unplaced, ExportJson.explanations(o.formulas()), o.ownedByHardware());
    }

    static PlacedHostDoc placedHost(PlacedHost h) {
        return new PlacedHostDoc(h.name(), h.hardwareId(), h.instances(),
                new DimensionsDoc(h.utilisation(Dimension.CPU), h.utilisation(Dimension.MEMORY), h.utilisation(Dimension.DISK),
                        h.utilisation(Dimension.GPU), h.utilisation(Dimension.NETWORK)),
                DimensionsDoc.of(h.used()), DimensionsDoc.of(h.capacity()), h.owned());
    }

    static UnplacedDoc unplaced(UnplacedInstance u) {
        return new UnplacedDoc(u.instance(), u.workload(), u.rule(), u.reason());
    }

    public static FailureCheckDoc failureCheck(FailureCheck f) {
        return new FailureCheckDoc(f.failuresTolerated(), f.method(), f.setsChecked(), f.holds(), f.summary());
    }

    /** The figures of docs/user/storage-network-power.md of one scenario. */
    public static StorageNetworkPowerDoc storageNetworkPower(StorageNetworkPower snp) {
        var st = snp.storage();
        var net = snp.network();
        var pw = snp.power();
        StorageDoc storage = new StorageDoc(st.mode().id(), st.description(), st.osds(), st.rawOverhead(), st.safeTiB(), st.storedTiB(),
                st.storedBytesAtHorizon() / Figures.BYTES_PER_TIB, st.isCeph() ? st.healsAfterHostLoss() : null);
        NetworkDoc network = new NetworkDoc(net.nicGbps(), net.nicPorts(), net.portLoadGbps(), net.recoveryHoursDiskLoss(),
                net.recoveryHoursHostLossWhenFull(), net.riskWindow());
        PowerDoc power = new PowerDoc(pw.applicable(), pw.utilisation(), pw.pue(), pw.facilityWatts(), pw.electricityUsdMonth(),
                pw.heatBtuPerHour(), pw.peakWatts(), pw.ampsAt120V(), pw.ampsAt230V(), pw.colocationUsdMonth());
        return new StorageNetworkPowerDoc(snp.usableTiB(), snp.rawTiB(), snp.recoveryHoursHostLoss(), snp.replicationGbps(),
                snp.nicGbpsRequired(), snp.powerWatts(), snp.energyKwhMonth(), snp.rackUnits(), storage, network, power,
                ExportJson.findings(snp.findings()), ExportJson.explanations(snp.explanations()));
    }

    // ------------------------------------------------------------------ writing

    /** The JSON text of a result document (or of any document {@link ExportJson} writes). */
    public static String toJson(Object document) {
        return ExportJson.toJson(document);
    }

    /** Writes the document atomically (temporary file, then rename). */
    public static void write(Object document, Path file) throws IOException {
        ExportJson.write(document, file);
    }
}
