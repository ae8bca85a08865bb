package dev.clusterplanner.core.cost;

/** The ways to run a site that the cost model compares. */
public enum CostOptionKind {
    OWNED("owned", "buy the hosts"),
    KEEP_AND_ADD("keep-and-add", "keep the hosts already owned and buy what they cannot carry"),
    BARE_METAL("bare-metal", "rent bare-metal servers"),
    AWS_LIFT_SHIFT("aws-lift-shift", "AWS: each instance on its own EC2 instance"),
    AWS_INCUS("aws-incus", "AWS: Incus hosts on EC2"),
    MIXED("mixed", "a mix of hardware types, each part costed as its own kind");

    private final String id;
    private final String description;

    CostOptionKind(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public boolean isAws() {
        return this == AWS_LIFT_SHIFT || this == AWS_INCUS;
    }
}
