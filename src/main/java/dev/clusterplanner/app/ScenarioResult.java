package dev.clusterplanner.app;

import dev.clusterplanner.adapters.export.CostJson;
import dev.clusterplanner.adapters.export.ResultJson;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.cost.CostOption;
import dev.clusterplanner.core.sizing.SizingOption;
import dev.clusterplanner.core.storage.StorageNetworkPower;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scenario of a site: a sizing option (hardware, hosts, placement) with what it costs. Other analyses add
 * their part as a further component here, one line in {@link PlanningService#scenario} to fill it and one
 * {@code put} in {@link #toDocument()} to write it.
 *
 * @param capexUsd   purchase price of the hosts (null when a host has no purchase price)
 * @param monthlyUsd rental per month (monthly, or hourly x 730; null when a host has no rental rate)
 * @param tcoUsd     capex + setup + monthly x months (null when a host has neither a price nor a rental rate)
 * @param years      the plan's horizon
 * @param storageNetworkPower storage capacity, network needs and recovery, power and rack space (null until analysed)
 * @param cost       the cost model's option for these hosts (owned, bare-metal or AWS Incus hosts at the plan's
 *                   commitment); null for a mixed option, which keeps the simple figures. When present, capex, monthly
 *                   and tco are its figures (month-1 purchases and setup, month-1 recurring, the monthly series' total)
 */
public record ScenarioResult(SizingOption sizing, Double capexUsd, Double monthlyUsd, Double tcoUsd, int years,
                             StorageNetworkPower storageNetworkPower, CostOption cost) {

    public ScenarioResult(SizingOption sizing, Double capexUsd, Double monthlyUsd, Double tcoUsd, int years,
                          StorageNetworkPower storageNetworkPower) {
        this(sizing, capexUsd, monthlyUsd, tcoUsd, years, storageNetworkPower, null);
    }

    public ScenarioResult(SizingOption sizing, Double capexUsd, Double monthlyUsd, Double tcoUsd, int years) {
        this(sizing, capexUsd, monthlyUsd, tcoUsd, years, null, null);
    }

    public ScenarioResult withStorageNetworkPower(StorageNetworkPower snp) {
        return new ScenarioResult(sizing, capexUsd, monthlyUsd, tcoUsd, years, snp, cost);
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

    /** This scenario as the ordered map that becomes {@code sites[].scenarios[]} in the result JSON. */
    public Map<String, Object> toDocument() {
        Map<String, Object> m = ResultJson.sizingOption(sizing);
        m.put("capexUsd", capexUsd);
        m.put("monthlyUsd", monthlyUsd);
        m.put("tcoUsd", tcoUsd);
        m.put("years", years);
        if (storageNetworkPower != null) {
            putStorageNetworkPower(m, storageNetworkPower);
        }
        m.put("cost", cost == null ? null : CostJson.summary(cost));
        return m;
    }

    /** The figures of README "Storage, network and power" per scenario; findings and explanations are appended to any already there. */
    static void putStorageNetworkPower(Map<String, Object> m, StorageNetworkPower snp) {
        var st = snp.storage();
        var net = snp.network();
        var pw = snp.power();
        m.put("usableTiB", snp.usableTiB());
        m.put("rawTiB", snp.rawTiB());
        m.put("recoveryHoursHostLoss", snp.recoveryHoursHostLoss());
        m.put("replicationGbps", snp.replicationGbps());
        m.put("nicGbpsRequired", snp.nicGbpsRequired());
        m.put("powerWatts", snp.powerWatts());
        m.put("energyKwhMonth", snp.energyKwhMonth());
        m.put("rackUnits", snp.rackUnits());
        Map<String, Object> storage = new LinkedHashMap<>();
        storage.put("mode", st.mode().id());
        storage.put("description", st.description());
        storage.put("osds", st.osds());
        storage.put("rawOverhead", st.rawOverhead());
        storage.put("safeTiB", st.safeTiB());
        storage.put("storedTiB", st.storedTiB());
        storage.put("storedTiBAtHorizon", st.storedBytesAtHorizon() / dev.clusterplanner.core.storage.Figures.BYTES_PER_TIB);
        storage.put("healsAfterHostLoss", st.isCeph() ? st.healsAfterHostLoss() : null);
        m.put("storage", storage);
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("nicGbps", net.nicGbps());
        network.put("nicPorts", net.nicPorts());
        network.put("portLoadGbps", net.portLoadGbps());
        network.put("recoveryHoursDiskLoss", net.recoveryHoursDiskLoss());
        network.put("recoveryHoursHostLossWhenFull", net.recoveryHoursHostLossWhenFull());
        network.put("riskWindow", net.riskWindow());
        m.put("network", network);
        Map<String, Object> power = new LinkedHashMap<>();
        power.put("applicable", pw.applicable());
        power.put("utilisation", pw.utilisation());
        power.put("pue", pw.pue());
        power.put("facilityWatts", pw.facilityWatts());
        power.put("electricityUsdMonth", pw.electricityUsdMonth());
        power.put("heatBtuPerHour", pw.heatBtuPerHour());
        power.put("peakWatts", pw.peakWatts());
        power.put("ampsAt120V", pw.ampsAt120V());
        power.put("ampsAt230V", pw.ampsAt230V());
        power.put("colocationUsdMonth", pw.colocationUsdMonth());
        m.put("power", power);
        append(m, "findings", ResultJson.findings(snp.findings()));
        append(m, "explanations", ResultJson.explanations(snp.explanations()));
    }

    @SuppressWarnings("unchecked")
    private static void append(Map<String, Object> m, String key, List<Object> items) {
        Object existing = m.get(key);
        List<Object> all = new ArrayList<>();
        if (existing instanceof List<?> l) {
            all.addAll((List<Object>) l);
        }
        all.addAll(items);
        m.put(key, all);
    }
}
