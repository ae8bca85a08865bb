package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.Explanation;
import dev.clusterplanner.core.model.Finding;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Site;

import java.util.ArrayList;
import java.util.List;

import static dev.clusterplanner.core.cost.Money.num;
import static dev.clusterplanner.core.cost.Money.usd;
import static dev.clusterplanner.core.cost.SiteQuantities.hostRawNeedFormula;
import static dev.clusterplanner.core.cost.SiteQuantities.hostRawNeedGb;
import static dev.clusterplanner.core.cost.SiteQuantities.transferGbMonth;

/**
 * The bare-metal rental option: servers at the provider's monthly rate, or hourly rate times the hours the row's
 * billing bills for a month, setup fees for each server added, S3 backups; storage the servers lack and traffic out
 * are findings (not priced), month by month.
 */
final class RentalCosting extends CostModelPart {

    RentalCosting(Inputs in) {
        super(in);
    }

    /** The bare-metal rental option of {@code hw} for the site, its workloads grown by year in {@code byYear}. */
    CostOption cost(Site site, List<Site> byYear, Hardware hw) {
        String id = "bare-metal:" + hw.id();
        String label = "bare-metal " + hw.name();
        Ledger led = new Ledger(months());
        List<Explanation> ex = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        int[] hostsByYear = hosts(byYear, hw, ex, findings);
        if (hostsByYear == null) {
            return unfit(id, CostOptionKind.BARE_METAL, label, hw, null, ex, findings);
        }
        Double perHost;
        String rate;
        if (hw.monthlyUsd() != null) {
            perHost = hw.monthlyUsd();
            rate = usd(hw.monthlyUsd()) + " a month";
        } else if (hw.hourlyUsd() != null) {
            double billed = hw.billing().billedHours(assume.hoursPerMonth());
            perHost = hw.rentalUsdFor(assume.hoursPerMonth());
            rate = num(hw.hourlyUsd()) + " USD/h x " + num(billed) + " billed hours (" + hw.billing().describe() + ")";
        } else {
            perHost = null;
            rate = "no rate";
            led.missing(CostComponent.COMPUTE, "the catalog has neither monthly_usd nor hourly_usd for " + hw.id());
        }
        int prev = 0;
        for (int m = 1; m <= months(); m++) {
            int y = Ledger.yearOf(m, hostsByYear.length);
            int hosts = hostsByYear[y];
            if (hosts > prev && hw.setupUsd() > 0) {
                led.add(m, CostComponent.SETUP, Money.round((hosts - prev) * hw.setupUsd()));
                if (m == 1) {
                    ex.add(new Explanation("setup fees, month 1", Money.round(hosts * hw.setupUsd()), "USD",
                            hosts + " servers x " + usd(hw.setupUsd()) + " setup", hw.source()));
                }
            }
            prev = Math.max(prev, hosts);
            if (perHost != null) {
                led.add(m, CostComponent.COMPUTE, Money.round(hosts * perHost));
            }
        }
        if (perHost != null) {
            ex.add(new Explanation("servers, month 1", Money.round(hostsByYear[0] * perHost), "USD per month",
                    hostsByYear[0] + " servers x " + rate + " = " + usd(Money.round(hostsByYear[0] * perHost))
                            + "; power, space and the provider's network are included", hw.source() + " (" + hw.priceAge() + ")"));
        }
        int hostsAtEnd = hostsByYear[hostsByYear.length - 1];
        Site atEnd = byYear.get(byYear.size() - 1);
        double needGb = hostRawNeedGb(atEnd, site, hostsAtEnd);
        double haveGb = hostsAtEnd * hw.rawDataGb();
        if (needGb > haveGb + 1e-6) {
            findings.add(Finding.warning("cost.rental-storage-short", label + ": the storage needs " + num(Prices.round2(needGb))
                    + " GB raw by the end (" + hostRawNeedFormula(atEnd, site, hostsAtEnd) + ") but the servers carry " + num(Prices.round2(haveGb)) + " GB; extra drives are not priced", hw.source()));
        }
        double outGb = transferGbMonth(byYear.get(0));
        if (outGb > 0) {
            // the AWS options price the same traffic (transfer out); no rental egress figure is sourced
            findings.add(Finding.info("cost.rental-transfer-not-priced", label + ": about " + num(Prices.round2(outGb))
                    + " GB a month of data transfer out are not priced: the catalog has no egress price for " + hw.vendor()
                    + " (providers include an allowance that differs by plan); the AWS options do price it", hw.source()));
        }
        storage.backup(led, byYear, ex);
        return led.option(id, CostOptionKind.BARE_METAL, label, hw.id(), null, hw.estimate(), hostsByYear, hostsByYear, null,
                byYear, List.of(), ex, findings, settings);
    }
}
