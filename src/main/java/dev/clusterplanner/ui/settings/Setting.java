package dev.clusterplanner.ui.settings;

import dev.clusterplanner.core.model.CephLayout;
import dev.clusterplanner.core.model.CostSettings;
import dev.clusterplanner.core.model.Facility;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.Policy;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.StorageMode;
import dev.clusterplanner.ui.RecordCopy;

import java.util.List;
import java.util.Locale;

/**
 * One plan setting the Settings area edits: its label with the unit, its path in the plan file (which is how a
 * {@code ModelRules} problem finds it), a help sentence, the choices when it is a choice, and how it is read from
 * and written into a plan. Site settings apply to the site at the index given.
 */
public enum Setting {
    PLAN_NAME(Scope.PLAN, "name", "Plan name", "Shown in the title bar and on the PDF report's cover."),
    PLAN_DESCRIPTION(Scope.PLAN, "description", "Description", "A sentence about the plan, printed under the report's title."),

    YEARS(Scope.COST, "years", "Horizon (years)", "How many years of costs are compared (1 to 30)."),
    DISCOUNT(Scope.COST, "discountRatePct", "Discount rate (% a year)", "For the net present value: what money costs you a year."),
    SALVAGE(Scope.COST, "salvagePct", "Salvage value (% of purchase)", "What owned hardware sells for at the end, as a share of its price."),
    SUPPORT(Scope.COST, "supportPctPerYear", "Support (% of purchase a year)", "Support contracts or spare parts a year, as a share of the price."),
    AWS_COMMITMENT(Scope.COST, "awsCommitment", "AWS commitment", "AWS pricing: on-demand, or a 1- or 3-year commitment (estimated discount)."),

    SITE_NAME(Scope.SITE, "name", "Site name", "A name for this place, unique in the plan."),
    SITE_KIND(Scope.SITE, "kind", "Kind", "A developer desktop, a single server, or a cluster of three or more hosts."),

    FAILURES(Scope.POLICY, "failuresTolerated", "Host failures tolerated", "How many hosts may fail while every instance still runs."),
    MIN_HOSTS(Scope.POLICY, "minHosts", "Minimum hosts", "The smallest cluster allowed (3 for Incus and Ceph quorum)."),
    OVERCOMMIT_CONTAINERS(Scope.POLICY, "cpuOvercommitContainers", "CPU overcommit, containers (vCPU per thread)", "Container vCPUs scheduled per host thread."),
    OVERCOMMIT_VMS(Scope.POLICY, "cpuOvercommitVms", "CPU overcommit, VMs (vCPU per thread)", "VM vCPUs scheduled per host thread."),
    VM_CPU_OVERHEAD(Scope.POLICY, "vmCpuOverheadPct", "VM CPU overhead (%)", "Extra CPU a VM needs over a container for the same work."),
    VM_MEMORY_OVERHEAD(Scope.POLICY, "vmMemoryOverheadGib", "VM memory overhead (GiB)", "Memory each VM costs beyond its limit (QEMU, firmware)."),
    RESERVE_MEMORY(Scope.POLICY, "reserveMemoryGib", "Memory reserved per host (GiB)", "Kept for the operating system and Incus."),
    RESERVE_THREADS(Scope.POLICY, "reserveThreads", "Threads reserved per host", "Kept for the operating system and Incus."),
    STORAGE_MODE(Scope.POLICY, "storageMode", "Storage", "Local disks on each host, or Ceph across the hosts."),
    CEPH_PROTECTION(Scope.CEPH, "protection", "Ceph protection", "Replicated copies, or erasure coding (k data + m coding chunks)."),
    CEPH_SIZE(Scope.CEPH, "size", "Replicas (size)", "Copies of every object (Ceph default 3)."),
    CEPH_MIN_SIZE(Scope.CEPH, "minSize", "Min size", "Copies that must be up to accept writes (Ceph default 2)."),
    CEPH_K(Scope.CEPH, "k", "Data chunks (k)", "Erasure coding: data chunks per object."),
    CEPH_M(Scope.CEPH, "m", "Coding chunks (m)", "Erasure coding: coding chunks (how many losses are survived)."),
    CEPH_NEARFULL(Scope.CEPH, "nearfullRatio", "Nearfull ratio (0 to 1)", "Ceph warns when a disk is this full (default 0.85)."),
    CEPH_MEMORY_PER_OSD(Scope.POLICY, "cephMemoryPerOsdGib", "Ceph memory per OSD (GiB)", "RAM for each OSD daemon (Ceph's default target 4 GiB)."),
    CEPH_THREADS_PER_OSD(Scope.POLICY, "cephThreadsPerOsd", "Ceph threads per OSD", "Threads for each OSD daemon."),

    DATA_CENTRE(Scope.FACILITY, "dataCentre", "Where the hosts stand", "An office or home, or a rack in a data centre (PUE and colocation apply)."),
    ELECTRICITY(Scope.FACILITY, "electricityUsdPerKwh", "Electricity (USD per kWh)", "What a kWh costs at this site."),
    PUE(Scope.FACILITY, "pue", "PUE", "Power usage effectiveness: total facility power / IT power (1.0 outside a data centre)."),
    COLOCATION_U(Scope.FACILITY, "colocationUsdPerUMonth", "Colocation (USD per U a month)", "Rack space charged per unit and month (0 if not)."),
    COLOCATION_KW(Scope.FACILITY, "colocationUsdPerKwMonth", "Colocation (USD per kW a month)", "Colocation charged per kW and month (0 if not)."),
    ELECTRICITY_SOURCE(Scope.FACILITY, "electricitySource", "Source of the electricity price", "Where the price comes from, with its date.");

    /** Which part of the plan a setting belongs to. */
    public enum Scope { PLAN, COST, SITE, POLICY, CEPH, FACILITY }

    public static final String REPLICATED = "replicated";
    public static final String ERASURE = "erasure coding";
    public static final String OFFICE = "office or home";
    public static final String RACK = "data centre";

    private final Scope scope;
    private final String key;
    private final String label;
    private final String help;

    Setting(Scope scope, String key, String label, String help) {
        this.scope = scope;
        this.key = key;
        this.label = label;
        this.help = help;
    }

    public Scope scope() {
        return scope;
    }

    public String label() {
        return label;
    }

    public String help() {
        return help;
    }

    /** The choices of a choice setting; empty for a typed one. */
    public List<String> choices() {
        return switch (this) {
            case AWS_COMMITMENT -> List.of("on-demand", "1-year", "3-year");
            case SITE_KIND -> List.of("desktop", "single-server", "cluster");
            case STORAGE_MODE -> List.of("local", "ceph");
            case CEPH_PROTECTION -> List.of(REPLICATED, ERASURE);
            case DATA_CENTRE -> List.of(OFFICE, RACK);
            default -> List.of();
        };
    }

    /** The setting's path in the plan file for site {@code site} ("sites/0/policy/ceph/size"); what ModelRules reports. */
    public String path(int site) {
        return switch (scope) {
            case PLAN -> key;
            case COST -> "cost/" + key;
            case SITE -> "sites/" + site + "/" + key;
            case POLICY -> "sites/" + site + "/policy/" + key;
            case CEPH -> "sites/" + site + "/policy/ceph/" + key;
            case FACILITY -> "sites/" + site + "/facility/" + key;
        };
    }

    /** Whether the setting means something for the site as it is (Ceph figures only with Ceph storage, k+m only with erasure coding). */
    public boolean applies(Plan plan, int site) {
        if (scope == Scope.PLAN || scope == Scope.COST) {
            return true;
        }
        if (plan.sites().isEmpty()) {
            return false;
        }
        Policy p = plan.sites().get(site).policy();
        boolean ceph = p.storageMode() == StorageMode.CEPH;
        return switch (this) {
            case CEPH_PROTECTION, CEPH_NEARFULL, CEPH_MEMORY_PER_OSD, CEPH_THREADS_PER_OSD -> ceph;
            case CEPH_SIZE, CEPH_MIN_SIZE -> ceph && !p.ceph().isErasureCoded();
            case CEPH_K, CEPH_M -> ceph && p.ceph().isErasureCoded();
            case PUE, COLOCATION_U, COLOCATION_KW -> plan.sites().get(site).facility().dataCentre();
            default -> true;
        };
    }

    /** The setting's value in {@code plan} as text. */
    public String format(Plan plan, int site) {
        return switch (scope) {
            case PLAN -> this == PLAN_NAME ? plan.name() : plan.description();
            case COST -> this == AWS_COMMITMENT ? plan.cost().awsCommitment().id() : text(RecordCopy.get(plan.cost(), key));
            case SITE -> this == SITE_NAME ? plan.sites().get(site).name() : plan.sites().get(site).kind().id();
            case POLICY -> this == STORAGE_MODE ? plan.sites().get(site).policy().storageMode().id()
                    : text(RecordCopy.get(plan.sites().get(site).policy(), key));
            case CEPH -> this == CEPH_PROTECTION ? (plan.sites().get(site).policy().ceph().isErasureCoded() ? ERASURE : REPLICATED)
                    : text(RecordCopy.get(plan.sites().get(site).policy().ceph(), key));
            case FACILITY -> this == DATA_CENTRE ? (plan.sites().get(site).facility().dataCentre() ? RACK : OFFICE)
                    : text(RecordCopy.get(plan.sites().get(site).facility(), key));
        };
    }

    /** {@code plan} with this setting set from text; IllegalArgumentException with a plain sentence when the text is not a value. */
    public Plan apply(Plan plan, int site, String input) {
        String t = input == null ? "" : input.trim();
        return switch (scope) {
            case PLAN -> this == PLAN_NAME ? plan.withName(t) : new Plan(plan.name(), t, plan.sites(), plan.cost());
            case COST -> plan.withCost(this == AWS_COMMITMENT ? RecordCopy.with(plan.cost(), key, CostSettings.AwsCommitment.parse(t))
                    : RecordCopy.with(plan.cost(), key, value(plan.cost(), t)));
            case SITE -> plan.withSite(site, s -> this == SITE_NAME
                    ? new Site(t, s.kind(), s.workloads(), s.hardware(), s.policy(), s.facility(), s.available(), s.owned())
                    : new Site(s.name(), SiteKind.parse(t), s.workloads(), s.hardware(), s.policy(), s.facility(), s.available(), s.owned()));
            case POLICY -> plan.withSite(site, s -> s.withPolicy(this == STORAGE_MODE
                    ? RecordCopy.with(s.policy(), key, StorageMode.parse(t))
                    : RecordCopy.with(s.policy(), key, value(s.policy(), t))));
            case CEPH -> plan.withSite(site, s -> s.withPolicy(s.policy().withStorage(s.policy().storageMode(), ceph(s.policy().ceph(), t))));
            case FACILITY -> plan.withSite(site, s -> s.withFacility(this == DATA_CENTRE ? dataCentre(s.facility(), t)
                    : RecordCopy.with(s.facility(), key, value(s.facility(), t))));
        };
    }

    private CephLayout ceph(CephLayout c, String t) {
        if (this == CEPH_PROTECTION) {
            if (t.equals(ERASURE)) {
                return c.isErasureCoded() ? c : new CephLayout(0, 0, 4, 2, c.nearfullRatio());
            }
            if (t.equals(REPLICATED)) {
                return c.isErasureCoded() ? new CephLayout(3, 2, 0, 0, c.nearfullRatio()) : c;
            }
            throw new IllegalArgumentException("Ceph protection is " + REPLICATED + " or " + ERASURE + ", got '" + t + "'");
        }
        if (this == CEPH_K && whole(t) < 1) {
            throw new IllegalArgumentException(label + " must be 1 or more (0 would mean a replicated pool: choose that above)");
        }
        return RecordCopy.with(c, key, value(c, t));
    }

    private Facility dataCentre(Facility f, String t) {
        boolean rack = switch (t) {
            case RACK -> true;
            case OFFICE -> false;
            default -> throw new IllegalArgumentException(label + " is '" + OFFICE + "' or '" + RACK + "', got '" + t + "'");
        };
        if (rack == f.dataCentre()) {
            return f;
        }
        // a rack gets the data-centre PUE and colocation defaults; an office has none
        Facility d = rack ? Facility.DATA_CENTRE : Facility.OFFICE;
        return new Facility(rack, f.electricityUsdPerKwh(), d.pue(), d.colocationUsdPerUMonth(), d.colocationUsdPerKwMonth(), f.electricitySource());
    }

    private Object value(Record r, String t) {
        Object current = RecordCopy.get(r, key);
        if (current instanceof Integer) {
            return whole(t);
        }
        if (current instanceof Double) {
            return number(t);
        }
        if (current instanceof String) {
            return t;
        }
        throw new IllegalStateException("no text form for " + key);
    }

    private int whole(String t) {
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " must be a whole number, got '" + t + "'");
        }
    }

    private double number(String t) {
        try {
            double v = Double.parseDouble(t.replace(',', '.'));
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " must be a number, got '" + t + "'");
        }
    }

    static String text(Object v) {
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d);
        }
        return String.valueOf(v);
    }

    /** "set horizon (years)" for the undo menu: the label in lower case, the site named for a site setting. */
    public String describe(Plan plan, int site) {
        String what = "set " + label.toLowerCase(Locale.ROOT);
        return scope == Scope.PLAN || scope == Scope.COST || plan.sites().isEmpty() ? what : what + " of " + plan.sites().get(site).name();
    }
}
