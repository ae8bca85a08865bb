package dev.clusterplanner.core.model;

/**
 * How money over time is counted. USD throughout.
 *
 * @param years              planning horizon (default 5)
 * @param discountRatePct    yearly discount rate for net present value
 * @param salvagePct         resale value of owned hardware at the end of its life, percent of purchase
 * @param supportPctPerYear  support contracts or spares per year, percent of purchase
 * @param awsCommitment      AWS pricing: on-demand, 1-year or 3-year commitment
 */
public record CostSettings(int years, double discountRatePct, double salvagePct, double supportPctPerYear, AwsCommitment awsCommitment) {

    public static final CostSettings DEFAULT = new CostSettings(5, 5.0, 10.0, 5.0, AwsCommitment.ON_DEMAND);

    public CostSettings {
        awsCommitment = awsCommitment == null ? AwsCommitment.ON_DEMAND : awsCommitment;
    }

    public int months() {
        return years * 12;
    }

    /** AWS pricing terms. The 1- and 3-year discounts are estimates (AWS publishes caps only). */
    public enum AwsCommitment {
        ON_DEMAND("on-demand", 0.0), ONE_YEAR("1-year", 0.30), THREE_YEAR("3-year", 0.50);

        private final String id;
        private final double estimatedDiscount;

        AwsCommitment(String id, double estimatedDiscount) {
            this.id = id;
            this.estimatedDiscount = estimatedDiscount;
        }

        public String id() {
            return id;
        }

        public double estimatedDiscount() {
            return estimatedDiscount;
        }

        public static AwsCommitment parse(String text) {
            for (AwsCommitment c : values()) {
                if (c.id.equalsIgnoreCase(text.trim())) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown AWS commitment '" + text + "' (expected on-demand, 1-year or 3-year)");
        }
    }
}
