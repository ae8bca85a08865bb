package dev.clusterplanner.core.cost;

/**
 * The parts a cost is made of. Each option fills the ones that apply to it; the comparison and the CSV
 * show one column per component. One-time components are paid in the month they happen, recurring ones every month.
 */
public enum CostComponent {
    HARDWARE("hardware", "hardware purchases (bill of materials)", true),
    SETUP("setup", "setup fees", true),
    SALVAGE("salvage", "resale value credited (negative)", true),
    COMPUTE("compute", "rented servers or EC2 instances", false),
    EBS("ebs", "EBS gp3 volumes (capacity, IOPS and throughput above the included baseline)", false),
    SNAPSHOTS("snapshots", "EBS snapshots", false),
    BACKUP("backup", "S3 Standard for backups", false),
    TRANSFER("transfer", "data transfer out to the internet", false),
    SUPPORT("support", "support contracts or spares", false),
    ELECTRICITY("electricity", "electricity (with PUE in a data centre)", false),
    COLOCATION("colocation", "colocation (per rack unit and per kW)", false);

    private final String id;
    private final String description;
    private final boolean oneTime;

    CostComponent(String id, String description, boolean oneTime) {
        this.id = id;
        this.description = description;
        this.oneTime = oneTime;
    }

    /** Stable id used in JSON and CSV column names ({@code hardware_usd}). */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public boolean oneTime() {
        return oneTime;
    }
}
