package dev.clusterplanner.app;

import dev.clusterplanner.adapters.export.ResultJson;
import dev.clusterplanner.core.sizing.SizingOption;

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
 */
public record ScenarioResult(SizingOption sizing, Double capexUsd, Double monthlyUsd, Double tcoUsd, int years) {

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
        return m;
    }
}
