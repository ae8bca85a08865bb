package dev.clusterplanner.core.model;

/**
 * Where a site's hosts stand and what power and space cost there.
 *
 * @param dataCentre               true for a rack in a data centre (PUE and colocation apply); false for an office or home
 * @param electricityUsdPerKwh     price of a kWh at the site
 * @param pue                      power usage effectiveness of the facility (1.0 outside a data centre)
 * @param colocationUsdPerUMonth   colocation charged per rack unit and month (0 when not charged that way)
 * @param colocationUsdPerKwMonth  colocation charged per kW and month (0 when not charged that way)
 * @param electricitySource        where the electricity price comes from, with its date
 */
public record Facility(
        boolean dataCentre,
        double electricityUsdPerKwh,
        double pue,
        double colocationUsdPerUMonth,
        double colocationUsdPerKwMonth,
        String electricitySource) {

    /** An office: EIA April 2025 US-average commercial price estimate (~13 cents/kWh), no PUE, no rack. */
    public static final Facility OFFICE = new Facility(false, 0.13, 1.0, 0, 0,
            "estimate: US average commercial ~13 cents/kWh (EIA Electric Power Monthly, April 2025)");

    /** A data centre: Uptime Institute average PUE 1.58 (2023), CBRE wholesale colocation 184.06 USD per kW-month (H2 2024). */
    public static final Facility DATA_CENTRE = new Facility(true, 0.13, 1.58, 0, 184.06,
            "estimate: US average commercial ~13 cents/kWh (EIA, April 2025); PUE 1.58 (Uptime Institute 2023); colocation 184.06 USD/kW-month (CBRE H2 2024)");

    public static Facility defaultsFor(SiteKind kind) {
        return kind == SiteKind.CLUSTER ? DATA_CENTRE : OFFICE;
    }
}
