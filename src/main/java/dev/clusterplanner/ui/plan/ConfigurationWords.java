package dev.clusterplanner.ui.plan;

import dev.clusterplanner.app.ScenarioResult;
import dev.clusterplanner.core.configure.Configuration;
import dev.clusterplanner.core.configure.ConfigurationChoice;

import java.util.ArrayList;
import java.util.List;

/** An option's configure-to-order choice in words, for its card and the comparison table. */
final class ConfigurationWords {

    private ConfigurationWords() {
    }

    /**
     * "2 x 3.84 TB NVMe (+52.80 USD a month per host)", "as shipped", one part per configured hardware row of the
     * option; "" when its hardware has no options.
     */
    static String of(ScenarioResult s) {
        List<String> parts = new ArrayList<>();
        for (ConfigurationChoice.Chosen c : s.configuration()) {
            Configuration k = c.chosen();
            if (k.asShipped()) {
                parts.add("as shipped");
            } else if (k.base().rented()) {
                parts.add(k.summary() + " (+" + usd(k.addedMonthlyUsd()) + " a month per host)");
            } else {
                parts.add(k.summary() + " (+" + usd(k.addedUsd()) + " per host)");
            }
        }
        return String.join("; ", parts);
    }

    private static String usd(double v) {
        return String.format(java.util.Locale.ROOT, "%,.2f USD", v);
    }

    /** Which configuration and why (the choice's explanation), for a tooltip; "" when none. */
    static String why(ScenarioResult s) {
        return String.join("\n", s.configuration().stream().map(ConfigurationChoice.Chosen::explanation).toList());
    }
}
