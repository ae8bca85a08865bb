package dev.clusterplanner.core.cost;

import java.util.List;

/**
 * The whole plan: every site's comparison, the plan-wide total of each option key (each site on its
 * cheapest option of that key), the cheapest mix (each site on its own cheapest option), and the chuck-stack Incus guide's
 * claims checked.
 */
public record PlanCost(int months, List<SiteCost> sites, List<PlanOptionTotal> totals, String cheapestKey,
                       Double marginUsd, String summary, List<ClaimCheck> claims) {

    public PlanCost {
        sites = List.copyOf(sites);
        totals = List.copyOf(totals);
        claims = List.copyOf(claims);
    }

    /**
     * One option key over the whole plan. {@code tcoUsd} is null when a site has no complete option of that key
     * ({@code missing} names it).
     *
     * @param optionIds the option chosen at each site, in site order
     */
    public record PlanOptionTotal(String key, Double tcoUsd, Double npvUsd, List<String> optionIds, List<String> missing) {
        public PlanOptionTotal {
            optionIds = List.copyOf(optionIds);
            missing = List.copyOf(missing);
        }
    }

    /** Key of the mix where each site uses its own cheapest option. */
    public static final String CHEAPEST_MIX = "cheapest per site";
}
