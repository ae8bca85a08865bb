package dev.clusterplanner.core.power;

import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;

import java.util.List;

/**
 * What a scenario draws from the wall and occupies in a rack. A figure the catalog cannot support is
 * {@code null} (never 0) and a finding says why; rented hardware has no power figures (the rent includes them).
 *
 * @param utilisation      expected average CPU utilisation of the hosts, 0..1
 * @param itWatts          expected draw of the hosts, GPUs included
 * @param pue              facility multiplier applied (1.0 outside a data centre)
 * @param facilityWatts    itWatts x PUE
 * @param energyKwhMonth   facilityWatts x 730 h / 1000
 * @param electricityUsdMonth energyKwhMonth x the site's price per kWh
 * @param heatBtuPerHour   itWatts x 3.412
 * @param peakWatts        all hosts at their maximum, GPUs at their rated power (for circuits and per-kW colocation)
 * @param ampsAt120V       peakWatts / 120 V
 * @param ampsAt230V       peakWatts / 230 V
 * @param rackUnits        rack space (0 for desktops)
 * @param colocationUsdMonth rack units x price per U + peak kW x price per kW (0 outside a data centre)
 */
public record PowerAnalysis(
        boolean applicable,
        double utilisation,
        Double itWatts,
        double pue,
        Double facilityWatts,
        Double energyKwhMonth,
        Double electricityUsdMonth,
        Double heatBtuPerHour,
        Double peakWatts,
        Double ampsAt120V,
        Double ampsAt230V,
        int rackUnits,
        Double colocationUsdMonth,
        List<Explanation> explanations,
        List<Finding> findings) {

    public PowerAnalysis {
        explanations = List.copyOf(explanations);
        findings = List.copyOf(findings);
    }
}
