package dev.clusterplanner.core.cost;

import dev.clusterplanner.core.model.Billing;
import dev.clusterplanner.core.model.Catalog;
import dev.clusterplanner.core.model.CpuArch;
import dev.clusterplanner.core.model.CostSettings;
import dev.clusterplanner.core.model.CostSettings.AwsCommitment;
import dev.clusterplanner.core.model.Facility;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.Plan;
import dev.clusterplanner.core.model.PriceItem;
import dev.clusterplanner.core.model.Site;
import dev.clusterplanner.core.model.SiteKind;
import dev.clusterplanner.core.model.Workload;
import dev.clusterplanner.core.model.WorkloadKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.clusterplanner.core.cost.CostFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class CostEngineTest {

    static final Hardware MEERKAT = owned("desktop-test", 1000, 12, 32, 10.0, 30.0, 1, 4000);

    static CostEngine engine(Catalog catalog, HostSizer sizer) {
        return new CostEngine(catalog, CostSettings.DEFAULT, CostAssumptions.DEFAULT, sizer);
    }

    static CostOption option(SiteCost sc, String id) {
        return sc.option(id).orElseThrow(() -> new AssertionError("no option " + id + " in " + sc.options().stream().map(CostOption::id).toList()));
    }

    @Test
    void ownedHostsCostPurchaseSupportElectricityAndBackupLessTheirBookValue() {
        SiteCost sc = engine(catalog(List.of(MEERKAT), AWS_PRICES), fixed(3)).site(smallSite("desktop-test"));
        CostOption o = option(sc, "owned:desktop-test");
        assertTrue(o.complete(), () -> o.missing().toString());
        // purchase: 3 x 1,000 = 3,000 in month 1
        assertEquals(3000.00, o.capexUsd(), 0.001);
        MonthCost m1 = o.series().get(0);
        assertEquals(3000.00, m1.amount(CostComponent.HARDWARE), 0.001);
        // support: 5 %/year x 3,000 / 12 = 12.50 a month
        assertEquals(12.50, m1.amount(CostComponent.SUPPORT), 0.001);
        // power: busy threads 3 x 2 x 0.5 = 3 of 3 x 12 = 36 -> u = 1/12; W = 10 + 20/12 = 11.6667 per host
        // kWh = 3 x 11.6667 x 730 / 1000 = 25.55; x 0.13 USD = 3.3215 -> 3.32
        assertEquals(25.55, m1.energyKwh(), 0.001);
        assertEquals(3.32, m1.amount(CostComponent.ELECTRICITY), 0.001);
        // office: no colocation
        assertEquals(0.0, m1.amount(CostComponent.COLOCATION));
        // S3 backup: 3 x 100 GiB x 0.023 = 6.90
        assertEquals(6.90, m1.amount(CostComponent.BACKUP), 0.001);
        // month 1 = 3,000 + 12.50 + 3.32 + 6.90 = 3,022.72; recurring 22.72
        assertEquals(3022.72, m1.totalUsd(), 0.001);
        assertEquals(22.72, o.monthlyUsd(), 0.001);
        // salvage: life 5 years = horizon, book value at month 60 = 3,000 x (0.10 + 0.90 x 0/60) = 300
        assertEquals(-300.00, o.series().get(59).amount(CostComponent.SALVAGE), 0.001);
        // TCO = 3,000 + 60 x 22.72 - 300 = 4,063.20
        assertEquals(4063.20, o.tcoUsd(), 0.001);
        assertEquals(4063.20, o.series().get(59).cumulativeUsd(), 0.001);
        // per instance-month: 4,063.20 / (3 x 60) = 22.5733 -> 22.57
        assertEquals(22.57, o.costPerInstanceMonthUsd(), 0.001);
        // amortisation: 3,000 x (1 - 0.10) / 60 = 45.00
        assertEquals(45.00, o.amortisedMonthlyUsd(), 0.001);
        // NPV at 5 %: month m discounted by 1.05^((m-1)/12)
        double npv = 3000;
        for (int m = 1; m <= 60; m++) {
            npv += 22.72 / Math.pow(1.05, (m - 1) / 12.0);
        }
        npv -= 300 / Math.pow(1.05, 59 / 12.0);
        assertEquals(npv, o.npvUsd(), 0.01);
        // the bill of materials: one line, 3 hosts at 1,000
        assertEquals(1, o.bom().size());
        assertEquals(3, o.bom().get(0).quantity());
        assertEquals(3000.00, o.bom().get(0).totalUsd(), 0.001);
        assertFalse(o.explanations().isEmpty());
        assertTrue(o.explanations().stream().anyMatch(e -> e.figure().startsWith("electricity") && e.formula().contains("0.13 USD/kWh")));
    }

    @Test
    void aDataCentreAddsPueAndColocationPerKw() {
        Site site = smallSite("desktop-test").withFacility(new Facility(true, 0.10, 1.5, 20, 200, "test"));
        Hardware oneU = new Hardware("rack-1u", "rack-1u", dev.clusterplanner.core.model.HardwareCategory.RACK, "T", "c", 1, 6, 12, 3, 1, 32,
                1000.0, null, null, 0, 500, 1, 4000, null, 2, 10, null, 0, 0, 0, 1, 10.0, 30.0, "us", "s", null, false);
        CostOption o = option(engine(catalog(List.of(oneU), AWS_PRICES), fixed(3)).site(site.withHardware(List.of("rack-1u"))), "owned:rack-1u");
        MonthCost m1 = o.series().get(0);
        // IT load 3 x 11.6667 W = 35 W; kWh = 0.035 kW x 730 h x PUE 1.5 = 38.325 kWh; x 0.10 = 3.8325 -> 3.83
        assertEquals(38.325, m1.energyKwh(), 0.0001);
        assertEquals(3.83, m1.amount(CostComponent.ELECTRICITY), 0.001);
        // colocation on peak power (the power model's rule): 3 hosts x 1 U x 20 + 3 x 30 W = 0.09 kW x 200 = 60 + 18 = 78.00
        assertEquals(78.00, m1.amount(CostComponent.COLOCATION), 0.001);
    }

    @Test
    void aMissingPurchasePriceStaysMissingAndTheOptionIsNotRanked() {
        Hardware noPrice = owned("desktop-unpriced", 0, 12, 32, 10.0, 30.0, 1, 4000);
        noPrice = new Hardware(noPrice.id(), noPrice.name(), noPrice.category(), noPrice.vendor(), noPrice.cpuModel(), 1, 6, 12, 3, 1, 32,
                null, null, null, 0, 500, 1, 4000, null, 2, 2.5, null, 0, 0, 0, 0, 10.0, 30.0, "us", "seed", null, false);
        SiteCost sc = engine(catalog(List.of(noPrice), AWS_PRICES), fixed(3)).site(smallSite("desktop-unpriced"));
        CostOption o = option(sc, "owned:desktop-unpriced");
        assertFalse(o.complete());
        assertNull(o.tcoUsd());
        assertNull(o.totals().get(CostComponent.HARDWARE));
        assertTrue(o.totals().containsKey(CostComponent.HARDWARE), "the missing component is listed, as null");
        assertNull(o.bom().get(0).totalUsd());
        assertTrue(o.missing().get(0).contains("no purchase price"), o.missing().toString());
        assertNotEquals("owned:desktop-unpriced", sc.cheapestId());
        assertTrue(sc.findings().stream().anyMatch(f -> f.rule().equals("cost.price-missing")));
    }

    @Test
    void aRowBilledByTheWholeHourPaysForThePartHourWhateverItsVendorIsCalled() {
        // the billing comes from the row's billing columns, not from the vendor: "Other" billed by the hour, "PhoenixNAP" by the second
        Hardware whole = wholeHours(rental("bm-whole", "Other", null, 0.60, 0));
        Hardware metered = rental("bm-metered", "PhoenixNAP", null, 0.60, 0);
        assertEquals(Billing.PER_SECOND, metered.billing(), "an hourly row without billing columns is billed by the second");
        CostAssumptions partHour = new CostAssumptions(5, 1.0, 1.0, 0.0, 730.5);
        SiteCost sc = new CostEngine(catalog(List.of(whole, metered), AWS_PRICES), CostSettings.DEFAULT, partHour, fixed(3))
                .site(smallSite("bm-whole", "bm-metered"));
        // whole hours: 730.5 h bills 731 h; 3 servers x 0.60 x 731 = 1,315.80, + backup 6.90 = 1,322.70 a month; x 60 = 79,362.00
        CostOption w = option(sc, "bare-metal:bm-whole");
        assertEquals(1315.80, w.series().get(0).amount(CostComponent.COMPUTE), 0.001);
        assertEquals(79362.00, w.tcoUsd(), 0.001);
        assertTrue(w.explanations().stream().anyMatch(e -> e.formula().contains("731 billed hours")
                && e.formula().contains("a part hour is billed as a whole hour, 1 hour at least")), w.explanations().toString());
        // by the second: 3 x 0.60 x 730.5 = 1,314.90, + 6.90 = 1,321.80 a month; x 60 = 79,308.00
        CostOption m = option(sc, "bare-metal:bm-metered");
        assertEquals(1314.90, m.series().get(0).amount(CostComponent.COMPUTE), 0.001);
        assertEquals(79308.00, m.tcoUsd(), 0.001);
    }

    @Test
    void wholeHourBillingRoundsAPartHourUpAndBillsTheMinimum() {
        Billing hour = new Billing(Billing.Unit.HOUR, 1);
        assertEquals(1.0, hour.billedHours(0.2));
        assertEquals(11.0, hour.billedHours(10.5));
        assertEquals(730.0, hour.billedHours(730));
        assertEquals(0.0, hour.billedHours(0), "a server that never runs is not billed");
        // by the second with a 60-second minimum: 10 s bills 60 s = 1/60 h; 10.5 h bills 10.5 h
        Billing second = new Billing(Billing.Unit.SECOND, 60);
        assertEquals(1 / 60.0, second.billedHours(10 / 3600.0), 1e-12);
        assertEquals(10.5, second.billedHours(10.5));
        // by the month: 800 h bill two 730-h months
        assertEquals(1460.0, new Billing(Billing.Unit.MONTH, 0).billedHours(800));
    }

    @Test
    void bareMetalRentalIsServersPlusSetupFeesPlusBackup() {
        Hardware ovh = rental("bm-ovh-advance5", "OVHcloud", 224.0, null, 99);
        Hardware pnap = wholeHours(rental("bm-pnap-s3", "PhoenixNAP", null, 0.65, 0));
        SiteCost sc = engine(catalog(List.of(ovh, pnap), AWS_PRICES), fixed(3)).site(smallSite("bm-ovh-advance5", "bm-pnap-s3"));
        CostOption o = option(sc, "bare-metal:bm-ovh-advance5");
        // month 1: 3 x 224 + 3 x 99 setup + 6.90 backup = 672 + 297 + 6.90 = 975.90; then 678.90
        assertEquals(975.90, o.series().get(0).totalUsd(), 0.001);
        assertEquals(297.00, o.capexUsd(), 0.001);
        assertEquals(678.90, o.monthlyUsd(), 0.001);
        // 297 + 60 x 678.90 = 41,031.00
        assertEquals(41031.00, o.tcoUsd(), 0.001);
        CostOption p = option(sc, "bare-metal:bm-pnap-s3");
        // 0.65 USD/h x 730 h = 474.50 per server; 3 x 474.50 + 6.90 = 1,430.40 a month; x 60 = 85,824.00
        assertEquals(1430.40, p.series().get(0).totalUsd(), 0.001);
        assertEquals(85824.00, p.tcoUsd(), 0.001);
        assertTrue(p.estimate(), "built on an unverified lead, so an estimate");
    }

    @Test
    void bareMetalTrafficOutIsShownAsNotPricedRatherThanCountedAsFree() {
        Hardware ovh = rental("bm-ovh-advance5", "OVHcloud", 224.0, null, 99);
        SiteCost sc = engine(catalog(List.of(ovh), AWS_PRICES), fixed(3)).site(awsSite("bm-ovh-advance5"));
        CostOption o = option(sc, "bare-metal:bm-ovh-advance5");
        // the db workload sends 1 Mbit/s per instance, 2 instances: 2 x 730 h x 3600 s / 8 / 1000 = 657 GB a month
        String text = o.findings().stream().filter(f -> f.rule().equals("cost.rental-transfer-not-priced")).findFirst().orElseThrow().text();
        assertTrue(text.contains("657 GB") && text.contains("OVHcloud"), text);
        CostOption quiet = option(engine(catalog(List.of(ovh), AWS_PRICES), fixed(3)).site(smallSite("bm-ovh-advance5")), "bare-metal:bm-ovh-advance5");
        assertTrue(quiet.findings().stream().noneMatch(f -> f.rule().equals("cost.rental-transfer-not-priced")), "no traffic, nothing to say");
    }

    static Site awsSite(String... hardware) {
        Workload db = new Workload("db", WorkloadKind.VM, 2, 2, 6, 200, 0, true, 4000, 150, 1, 0.3, 0, "default");
        Workload app = new Workload("app", WorkloadKind.CONTAINER, 1, 1, 2, 20, 0, false, 0, 0, 0, 0.3, 0, "default");
        return new Site("prod", SiteKind.CLUSTER, List.of(db, app), List.of(hardware), null, null);
    }

    @Test
    void liftAndShiftPutsEachInstanceOnTheCheapestFittingTypeWithEbsSnapshotsTransferAndBackup() {
        SiteCost sc = engine(catalog(List.of(), AWS_PRICES), fixed(3)).site(awsSite());
        CostOption od = option(sc, "aws-lift-shift:on-demand");
        MonthCost m1 = od.series().get(0);
        // db (2 vCPU, 6 GiB): t3.medium has 4 GiB, so m7i.large 0.1008 x 730 = 73.584; app (1 vCPU, 2 GiB): t3.medium 0.0416 x 730 = 30.368
        // 2 x 73.584 + 30.368 = 177.536 -> 177.54
        assertEquals(177.54, m1.amount(CostComponent.COMPUTE), 0.001);
        // EBS: (2 x 200 + 20) GB x 0.08 = 33.60; IOPS 2 x (4,000 - 3,000) x 0.005 = 10.00; MB/s 2 x (150 - 125) x 0.04 = 2.00 -> 45.60
        assertEquals(45.60, m1.amount(CostComponent.EBS), 0.001);
        // snapshots 420 GB x 0.05 = 21.00; backup 420 GB x 0.023 = 9.66
        assertEquals(21.00, m1.amount(CostComponent.SNAPSHOTS), 0.001);
        assertEquals(9.66, m1.amount(CostComponent.BACKUP), 0.001);
        // transfer: 2 x 1 Mbit/s x 328.5 = 657 GB; first 100 free, 557 x 0.09 = 50.13
        assertEquals(50.13, m1.amount(CostComponent.TRANSFER), 0.001);
        // 177.54 + 45.60 + 21.00 + 50.13 + 9.66 = 303.93 a month, x 60 = 18,235.80
        assertEquals(303.93, m1.totalUsd(), 0.001);
        assertEquals(18235.80, od.tcoUsd(), 0.001);
        assertEquals(0.0, od.capexUsd());
        // 3-year: EC2 x (1 - 0.50) = 88.768 -> 88.77; labelled an estimate
        CostOption y3 = option(sc, "aws-lift-shift:3-year");
        assertEquals(88.77, y3.series().get(0).amount(CostComponent.COMPUTE), 0.001);
        assertTrue(y3.estimate());
        assertFalse(od.estimate());
        assertTrue(y3.findings().stream().anyMatch(f -> f.text().contains("estimate")));
    }

    @Test
    void aGpuInstanceGoesToAGpuType() {
        Workload gpu = new Workload("infer", WorkloadKind.VM, 1, 4, 12, 50, 1, false, 0, 0, 0, 0.3, 0, "default");
        assertEquals("aws-g5.xlarge", CostEngine.cheapestFit(gpu, EC2).orElseThrow().id());
        Workload huge = Workload.of("huge", WorkloadKind.VM, 1, 200, 16, 10);
        assertTrue(CostEngine.cheapestFit(huge, EC2).isEmpty());
    }

    @Test
    void liftAndShiftKeepsX86WorkloadsOffCheaperArmTypes() {
        Hardware graviton = new Hardware("aws-t4g.medium", "t4g.medium", dev.clusterplanner.core.model.HardwareCategory.CLOUD, "AWS",
                "AWS Graviton2 (Arm)", 1, 2, 2, 2.5, 1.0, 4, null, null, 0.0336, 0, 0, 0, 0, null, 1, 5, null, 0, 0, 0, 0, null, null,
                "us-east-1", "karpenter", CostFixtures.D, false);
        assertFalse(graviton.arm(), "the catalog's cpu_arch decides, not the cpu_model text: a row without it is x86_64");
        graviton = graviton.withVendorTerms(Billing.PER_SECOND, CpuArch.ARM64, false);
        assertTrue(graviton.arm());
        SiteCost sc = engine(catalog(List.of(graviton), AWS_PRICES), fixed(3)).site(awsSite());
        // app (1 vCPU, 2 GiB) stays on t3.medium 0.0416 x 730 = 30.368 although t4g.medium costs 0.0336: total EC2 still 177.54
        assertEquals(177.54, option(sc, "aws-lift-shift:on-demand").series().get(0).amount(CostComponent.COMPUTE), 0.001);
    }

    @Test
    void incusOnEc2PaysForTheHostsAndEbsHoldingEveryCephReplica() {
        SiteCost sc = engine(catalog(List.of(), AWS_PRICES), fixed(3)).site(awsSite("aws-m7i.metal-24xl"));
        CostOption o = option(sc, "aws-incus:aws-m7i.metal-24xl:on-demand");
        MonthCost m1 = o.series().get(0);
        // 3 x 5.32224 x 730 = 11,655.7056 -> 11,655.71
        assertEquals(11655.71, m1.amount(CostComponent.COMPUTE), 0.001);
        // storage: 420 GiB x size 3 / nearfull 0.85 = 1,482.35 GiB -> per host ceil(494.12) = 495 GiB; 3 x 495 = 1,485 GB x 0.08 = 118.80
        // IOPS per volume 8,000 x 3 / 3 = 8,000: 3 x 5,000 x 0.005 = 75.00; MB/s 300 x 3 / 3 = 300: 3 x 175 x 0.04 = 21.00 -> 214.80
        assertEquals(214.80, m1.amount(CostComponent.EBS), 0.001);
        // snapshots of the volumes: 1,485 x 0.05 = 74.25; backup and transfer as for lift-and-shift: 9.66 and 50.13
        assertEquals(74.25, m1.amount(CostComponent.SNAPSHOTS), 0.001);
        // 11,655.71 + 214.80 + 74.25 + 50.13 + 9.66 = 12,004.55
        assertEquals(12004.55, m1.totalUsd(), 0.001);
        assertEquals(3, o.hostsStart());
    }

    @Test
    void anArmTypeIsNotOfferedAsAnIncusHostForX86Workloads() {
        // the cheapest type that runs VMs is marked arm64 (its name says nothing of it): the x86 metal type hosts the site
        Hardware cheapArm = ec2("x1.big", 96, 384, 1.0, 0).withVendorTerms(Billing.PER_SECOND, CpuArch.ARM64, true);
        SiteCost sc = engine(catalog(List.of(MEERKAT, cheapArm), AWS_PRICES), SizingHostSizer.INSTANCE).site(awsSite("desktop-test"));
        List<String> ids = sc.options().stream().map(CostOption::id).toList();
        assertTrue(ids.contains("aws-incus:aws-m7i.metal-24xl:on-demand"), ids.toString());
        assertTrue(ids.stream().noneMatch(i -> i.contains("x1.big")), ids.toString());
        // marked x86_64 instead, the same row is cheaper and hosts it
        Hardware cheapX86 = cheapArm.withVendorTerms(Billing.PER_SECOND, CpuArch.X86_64, true);
        SiteCost x86 = engine(catalog(List.of(MEERKAT, cheapX86), AWS_PRICES), SizingHostSizer.INSTANCE).site(awsSite("desktop-test"));
        assertTrue(x86.options().stream().anyMatch(o -> o.id().equals("aws-incus:aws-x1.big:on-demand")),
                x86.options().stream().map(CostOption::id).toList().toString());
    }

    @Test
    void aVmSiteGoesOnlyToCloudTypesTheCatalogSaysRunVms() {
        // a type named "metal" but marked runs_vms false is not an Incus host for VMs
        Hardware notMetal = ec2("z.metal-cheap", 96, 384, 1.0, 0);
        assertFalse(notMetal.runsVms());
        SiteCost sc = engine(catalog(List.of(MEERKAT, notMetal), AWS_PRICES), SizingHostSizer.INSTANCE).site(awsSite("desktop-test"));
        assertTrue(sc.options().stream().noneMatch(o -> o.id().contains("z.metal-cheap")), sc.options().stream().map(CostOption::id).toList().toString());
    }

    @Test
    void withoutACloudCandidateTheCheapestMetalTypeHostsAVmSite() {
        SiteCost sc = engine(catalog(List.of(MEERKAT), AWS_PRICES), SizingHostSizer.INSTANCE).site(awsSite("desktop-test"));
        assertTrue(sc.options().stream().anyMatch(o -> o.id().equals("aws-incus:aws-m7i.metal-24xl:on-demand")),
                sc.options().stream().map(CostOption::id).toList().toString());
    }

    @Test
    void ownedBreaksEvenWithRentalInMonthThree() {
        Hardware pnap = wholeHours(rental("bm-pnap-s3", "PhoenixNAP", null, 0.65, 0));
        SiteCost sc = engine(catalog(List.of(MEERKAT, pnap), AWS_PRICES), fixed(3)).site(smallSite("desktop-test", "bm-pnap-s3"));
        BreakEven be = sc.breakEvens().stream()
                .filter(b -> b.optionA().equals("owned:desktop-test") && b.optionB().equals("bare-metal:bm-pnap-s3")).findFirst().orElseThrow();
        // cumulative owned: 3,022.72, 3,045.44, 3,068.16; rental: 1,430.40, 2,860.80, 4,291.20 -> month 3
        assertEquals("owned:desktop-test", be.dearerFirst());
        assertEquals(3, be.month());
        assertEquals("owned:desktop-test", sc.cheapestId());
        // runner-up: AWS lift-and-shift 3-year, 3 x t3.medium 0.0416 x 730 x 0.5 = 45.552 -> 45.55, EBS 300 GB x 0.08 = 24.00,
        // snapshots 300 x 0.05 = 15.00, backup 6.90: 91.45 a month x 60 = 5,487.00; margin 5,487.00 - 4,063.20 = 1,423.80
        assertEquals(5487.00, option(sc, "aws-lift-shift:3-year").tcoUsd(), 0.001);
        assertEquals(1423.80, sc.marginUsd(), 0.001);
    }

    @Test
    void aDearerOptionThatStaysDearerHasNoBreakEven() {
        CostOption a = synthetic("a", 1000, 10, 12);
        CostOption b = synthetic("b", 0, 5, 12);
        BreakEven be = CostEngine.breakEven(a, b);
        assertNull(be.month());
        assertEquals("a", be.dearerFirst());
        // 1,000 upfront vs 100 a month: cumulative b reaches 1,000 in month 10
        BreakEven ten = CostEngine.breakEven(synthetic("c", 1000, 0, 12), synthetic("d", 0, 100, 12));
        assertEquals(10, ten.month());
    }

    static CostOption synthetic(String id, double upfront, double monthly, int months) {
        List<MonthCost> s = new ArrayList<>();
        double cum = 0;
        for (int m = 1; m <= months; m++) {
            double t = (m == 1 ? upfront : 0) + monthly;
            cum += t;
            s.add(new MonthCost(m, 1, 1, java.util.Map.of(CostComponent.COMPUTE, t), t, cum, null));
        }
        return new CostOption(id, CostOptionKind.OWNED, id, "", null, false, 1, 1, upfront, monthly, null,
                java.util.Map.of(CostComponent.COMPUTE, cum), cum, cum, cum / months, null, s, List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void growthBuysExtraHostsInTheYearItNeedsThem() {
        // 4 instances growing 50 % a year: 4, 6, 9; this sizer needs one host per 2 instances, at least 3
        Workload app = new Workload("app", WorkloadKind.CONTAINER, 4, 1, 1, 10, 0, false, 0, 0, 0, 0.3, 50, "default");
        Site site = new Site("prod", SiteKind.CLUSTER, List.of(app), List.of("desktop-test"), null, Facility.OFFICE);
        HostSizer perTwo = (s, hw) -> SizedHosts.of(Math.max(3, (s.instanceCount() + 1) / 2), null);
        CostEngine e = new CostEngine(catalog(List.of(MEERKAT), AWS_PRICES), new CostSettings(3, 5, 10, 5, AwsCommitment.ON_DEMAND),
                CostAssumptions.DEFAULT, perTwo);
        CostOption o = option(e.site(site), "owned:desktop-test");
        // year 1: 4 -> 3 hosts; year 2: round(4 x 1.5) = 6 -> 3 hosts; year 3: round(4 x 2.25) = 9 -> 5 hosts: 2 bought in month 25
        List<BomLine> hosts = o.bom().stream().filter(b -> b.item().equals("desktop-test")).toList();
        assertEquals(2, hosts.size());
        assertEquals(25, hosts.get(1).month());
        assertEquals(2, hosts.get(1).quantity());
        assertEquals(2000.00, o.series().get(24).amount(CostComponent.HARDWARE), 0.001);
        assertEquals(9, o.series().get(24).instances());
        assertEquals(5, o.hostsEnd());
        // the late hosts are 12 months old of 60 at month 36: book value 2,000 x (0.1 + 0.9 x 48/60) = 1,640; first lot 3,000 x (0.1 + 0.9 x 24/60) = 1,380
        assertEquals(-(1640.00 + 1380.00), o.series().get(35).amount(CostComponent.SALVAGE), 0.001);
    }

    @Test
    void hardwareOlderThanItsLifeIsReplacedAndSoldAtSalvage() {
        CostEngine e = new CostEngine(catalog(List.of(MEERKAT), AWS_PRICES), new CostSettings(3, 5, 10, 5, AwsCommitment.ON_DEMAND),
                CostAssumptions.DEFAULT.withHardwareLifeYears(2), fixed(3));
        CostOption o = option(e.site(smallSite("desktop-test")), "owned:desktop-test");
        // bought month 1, replaced month 25 (3,000 again) and the old lot sold at 10 % = 300
        assertEquals(3000.00, o.series().get(24).amount(CostComponent.HARDWARE), 0.001);
        assertEquals(-300.00, o.series().get(24).amount(CostComponent.SALVAGE), 0.001);
        // the replacement is 12 of 24 months old at month 36: 3,000 x (0.1 + 0.9 x 12/24) = 1,650
        assertEquals(-1650.00, o.series().get(35).amount(CostComponent.SALVAGE), 0.001);
    }

    @Test
    void aSlowNicGetsAnUpgradeAndTheClusterASwitchWhenThePlanNeedsTenGigabit() {
        List<PriceItem> prices = new ArrayList<>(AWS_PRICES);
        prices.add(new PriceItem("part-nic-2x10g", "part", "dual 10GBASE-T NIC", "usd", 300, 0, "", "estimate", null, true));
        prices.add(new PriceItem("part-nic-2x25g", "part", "dual 25 GbE NIC", "usd", 375, 0, "", "estimate", null, true));
        prices.add(new PriceItem("part-switch-10g-8port", "part", "8-port 10 GbE switch", "usd", 600, 0, "", "estimate", null, true));
        CostEngine e = new CostEngine(catalog(List.of(MEERKAT), prices), CostSettings.DEFAULT,
                CostAssumptions.DEFAULT.withRequiredNicGbps(10), fixed(3));
        CostOption o = option(e.site(smallSite("desktop-test")), "owned:desktop-test");
        // 3 x 1,000 hosts + 3 x 300 NIC (the cheapest with 10 Gb/s) + 600 switch = 4,500
        assertEquals(4500.00, o.capexUsd(), 0.001);
        assertTrue(o.bom().stream().anyMatch(b -> b.item().equals("part-nic-2x10g") && b.quantity() == 3));
        assertTrue(o.estimate(), "estimated parts make the option an estimate");
    }

    static List<PriceItem> nicAndSwitchPrices() {
        List<PriceItem> prices = new ArrayList<>(AWS_PRICES);
        prices.add(new PriceItem("part-nic-2x10g", "part", "dual 10GBASE-T NIC", "usd", 300, 0, "", "estimate", null, true));
        prices.add(new PriceItem("part-nic-2x25g", "part", "dual 25 GbE NIC", "usd", 375, 0, "", "estimate", null, true));
        prices.add(new PriceItem("part-switch-10g-8port", "part", "8-port 10 GbE switch", "usd", 600, 0, "", "estimate", null, true));
        return prices;
    }

    @Test
    void aRackServerBelowTheCephNetworkGetsACardAndTheClusterASwitchWithoutBeingTold() {
        // a rack server with 1 Gb/s ports; the site is a cluster, so Ceph, and Ceph asks at least 10 Gb/s
        Hardware slow = new Hardware("rack-slow", "rack-slow", dev.clusterplanner.core.model.HardwareCategory.RACK, "Test", "cpu", 1, 6, 12,
                3.0, 1.0, 32, 2000.0, null, null, 0, 500, 1, 4000, dev.clusterplanner.core.model.DiskType.SATA_SSD, 2, 1.0, null, 0, 0, 0, 1,
                10.0, 30.0, "us", "seed", java.time.LocalDate.of(2025, 1, 1), false);
        CostEngine e = new CostEngine(catalog(List.of(slow), nicAndSwitchPrices()), CostSettings.DEFAULT, CostAssumptions.DEFAULT, fixed(3));
        CostOption o = option(e.site(smallSite("rack-slow")), "owned:rack-slow");
        // 3 x 2,000 hosts + 3 x 300 (the cheapest card with 10 Gb/s) + 600 switch = 7,500
        assertEquals(7500.00, o.capexUsd(), 0.001);
        assertTrue(o.bom().stream().anyMatch(b -> b.item().equals("part-switch-10g-8port") && b.quantity() == 1), () -> o.bom().toString());
    }

    @Test
    void aDesktopBelowTheCephNetworkKeepsItsPortAndSaysWhatACardWouldCost() {
        // MEERKAT-like test desktop: 2.5 Gb/s; Ceph asks 10 Gb/s; a desktop is costed as it is (the seed's 3 x 1,000)
        CostEngine e = new CostEngine(catalog(List.of(MEERKAT), nicAndSwitchPrices()), CostSettings.DEFAULT, CostAssumptions.DEFAULT, fixed(3));
        CostOption o = option(e.site(smallSite("desktop-test")), "owned:desktop-test");
        assertEquals(3000.00, o.capexUsd(), 0.001);
        assertTrue(o.bom().stream().noneMatch(b -> b.item().startsWith("part-")), () -> o.bom().toString());
        assertTrue(o.findings().stream().anyMatch(f -> f.rule().equals("cost.network-upgrade-not-priced")), () -> o.findings().toString());
        String why = o.explanations().stream().filter(x -> x.figure().equals("networkUpgrade")).findFirst().orElseThrow().formula();
        assertTrue(why.contains("2.5 Gb/s") && why.contains("10 Gb/s") && why.contains("300"), why);
    }

    @Test
    void cephStorageBeyondTheDrivesBuysExtraTerabytes() {
        Hardware small = owned("desktop-small", 1000, 12, 32, 10.0, 30.0, 1, 100);
        List<PriceItem> prices = new ArrayList<>(AWS_PRICES);
        prices.add(new PriceItem("part-drive-sata-ssd-tb", "part", "SATA SSD per TB", "usd_per_tb", 120, 0, "", "estimate", null, true));
        CostOption o = option(engine(catalog(List.of(small), prices), fixed(3)).site(smallSite("desktop-small")), "owned:desktop-small");
        // the sizer's Ceph rule, the largest host kept as the reserve: 300 GiB = 322.1225 GB x 3 / 0.85 x 3 hosts / 2 survivors
        // = 1,705.35 GB raw; have 3 x 100 = 300 GB; add ceil(1,405.35 / 1000) = 2 TB at 120 = 240
        // (without the reserve it was 1,136.90 GB raw and 1 TB)
        BomLine drives = o.bom().stream().filter(b -> b.item().equals("part-drive-sata-ssd-tb")).findFirst().orElseThrow();
        assertEquals(2, drives.quantity());
        assertEquals(3240.00, o.capexUsd(), 0.001);
        assertTrue(drives.reason().contains("1705.35 GB raw"), drives.reason());
        assertTrue(drives.reason().contains("x 3 / 2"), drives.reason());
    }

    @Test
    void drivesAreBoughtSoThatTheSurvivorsOfTheLargestHostStillHoldTheData() {
        // Ceph 3x, nearfull 0.85; 300 GiB of instance disks = 300 x 1.073741824 = 322.1225472 GB stored
        Site site = smallSite("x");
        assertEquals(322.1225472 * 3 / 0.85 * 3 / 2, SiteQuantities.hostRawNeedGb(site, site, 3), 1e-6);   // 1,705.3547 GB
        assertEquals(322.1225472 * 3 / 0.85 * 4 / 3, SiteQuantities.hostRawNeedGb(site, site, 4), 1e-6);   // 1,515.8708 GB
        // one host has no survivor to keep a reserve for
        assertEquals(322.1225472 * 3 / 0.85, SiteQuantities.hostRawNeedGb(site, site, 1), 1e-6);
        // the bought raw capacity is what the sizing engine's rule says holds the data: (raw - largest) / 3 x 0.85 = stored
        double raw = SiteQuantities.hostRawNeedGb(site, site, 3) * 1e9;
        assertEquals(322.1225472e9, dev.clusterplanner.core.capacity.CephCapacity.usableBytes(raw, raw / 3, site.policy().ceph()), 1);
        // EBS volumes keep no reserve (a volume outlives its instance): 1,136.9031 GB
        assertEquals(322.1225472 * 3 / 0.85, SiteQuantities.ebsRawNeedGb(site, site), 1e-6);
    }

    @Test
    void theHostsTheSizerSizesForCephCarryTheRawTheCostModelBuysFor() {
        // 10 containers x 200 GiB = 2,000 GiB = 2,147.48 GB stored; hosts with one 1,000 GB data disk, Ceph 3x, nearfull 0.85.
        // the sizer: N = 1 + ceil(2,147.48 x 3 / (0.85 x 1,000)) = 1 + ceil(7.58) = 9 hosts;
        // the cost model: 2,147.48 x 3 / 0.85 x 9 / 8 = 8,527.33 GB raw <= 9 x 1,000 GB, so no drive is bought
        // (with 8 hosts it would need 7,579.35 x 8 / 7 = 8,662.11 GB > 8,000)
        Hardware host = owned("desktop-disk", 1000, 12, 32, 10.0, 30.0, 1, 1000);
        Workload data = new Workload("data", WorkloadKind.CONTAINER, 10, 0.5, 1, 200, 0, false, 0, 0, 0, 0.1, 0, "default");
        Site site = new Site("prod", SiteKind.CLUSTER, List.of(data), List.of("desktop-disk"), null, Facility.OFFICE);
        List<PriceItem> prices = new ArrayList<>(AWS_PRICES);
        prices.add(new PriceItem("part-drive-sata-ssd-tb", "part", "SATA SSD per TB", "usd_per_tb", 120, 0, "", "estimate", null, true));
        CostOption o = option(engine(catalog(List.of(host), prices), SizingHostSizer.INSTANCE).site(site), "owned:desktop-disk");
        assertEquals(9, o.hostsStart());
        assertTrue(o.bom().stream().noneMatch(b -> b.item().startsWith("part-drive")), () -> o.bom().toString());
        assertEquals(2147.483648 * 3 / 0.85 * 9 / 8, SiteQuantities.hostRawNeedGb(site, site, 9), 1e-6);
        assertTrue(SiteQuantities.hostRawNeedGb(site, site, 8) > 8 * 1000);
    }

    @Test
    void aRentedClusterShortOfDiskForCephIsAFindingWithTheReserveRule() {
        // 3 servers x 2 x 480 GB = 2,880 GB; 800 GiB = 858.9935 GB x 3 / 0.85 x 3 / 2 = 4,547.61 GB raw needed
        Hardware ovh = rental("bm-ovh", "OVHcloud", 224.0, null, 0);
        Workload big = new Workload("app", WorkloadKind.CONTAINER, 4, 2, 4, 200, 0, false, 0, 0, 0, 0.5, 0, "default");
        Site site = new Site("prod", SiteKind.CLUSTER, List.of(big), List.of("bm-ovh"), null, Facility.OFFICE);
        CostOption o = option(engine(catalog(List.of(ovh), AWS_PRICES), fixed(3)).site(site), "bare-metal:bm-ovh");
        String text = o.findings().stream().filter(f -> f.rule().equals("cost.rental-storage-short")).findFirst().orElseThrow().text();
        assertTrue(text.contains("4547.61 GB raw"), text);
        assertTrue(text.contains("carry 2880 GB"), text);
    }

    @Test
    void thePlanTotalAddsEachSitesCheapestOptionOfAKind() {
        Site a = smallSite("desktop-test");
        Site b = new Site("uat", SiteKind.SINGLE_SERVER, a.workloads(), List.of("desktop-test"), null, Facility.OFFICE);
        Plan plan = new Plan("p", "", List.of(a, b), CostSettings.DEFAULT);
        PlanCost pc = engine(catalog(List.of(MEERKAT), AWS_PRICES), fixed(3)).plan(plan);
        PlanCost.PlanOptionTotal owned = pc.totals().stream().filter(t -> t.key().equals("owned")).findFirst().orElseThrow();
        // two identical sites at 4,063.20 each
        assertEquals(8126.40, owned.tcoUsd(), 0.001);
        assertEquals("owned", pc.cheapestKey());
        assertTrue(pc.summary().contains("owned"), pc.summary());
    }

    @Test
    void theSeedsClaimsAreCheckedAgainstTheNumbers() {
        Hardware pnap = wholeHours(rental("bm-pnap-s3", "PhoenixNAP", null, 0.65, 0));
        PlanCost pc = engine(catalog(List.of(pnap), AWS_PRICES), fixed(3))
                .plan(new Plan("p", "", List.of(awsSite("bm-pnap-s3", "aws-m7i.metal-24xl")), CostSettings.DEFAULT));
        ClaimCheck incus = pc.claims().stream().filter(c -> c.claim().contains("aws-incus, on-demand")).findFirst().orElseThrow();
        // compute and storage only (no transfer, no backup): AWS Incus on-demand 60 x (11,655.71 + 214.80 + 74.25) = 716,685.60;
        // bare metal 60 x 3 x 474.50 = 85,410.00 -> 8.391x
        assertEquals(716685.60 / 85410.00, incus.ratio(), 0.001);
        assertTrue(incus.text().contains("with transfer and backups"), incus.text());
        assertTrue(incus.holds());
        ClaimCheck ebs = pc.claims().stream().filter(c -> c.claim().contains("EBS") && c.claim().contains("aws-lift-shift")).findFirst().orElseThrow();
        // lift-and-shift month 1: EBS 45.60 / EC2 177.54 = 0.257: much less than "about the same"
        assertEquals(45.60 / 177.54, ebs.ratio(), 0.001);
        assertFalse(ebs.holds());
        // like for like: the PhoenixNAP server (16 threads x score 1, 64 GiB) against the cheapest EC2 type with 16 vCPU and 64 GiB
        // among the fixtures, m7i.metal-24xl: 5.32224 x 730 = 3,885.2352, plus EBS for 2 x 480 GB = 894.07 GiB x 0.08 = 71.5256,
        // against 0.65 x 730 = 474.50: (3,885.2352 + 71.5256) / 474.50 = 8.339
        ClaimCheck server = pc.claims().stream().filter(c -> c.claim().contains("like for like")).findFirst().orElseThrow();
        assertEquals((3885.2352 + 960 / 1.073741824 * 0.08) / 474.50, server.ratio(), 0.001);
        assertTrue(server.holds());
        assertTrue(server.text().contains("aws-m7i.metal-24xl"), server.text());
    }

    @Test
    void theCapexClaimComparesTheFirstPurchaseWithTheSeedsFigure() {
        CostOption o = option(engine(catalog(List.of(MEERKAT), AWS_PRICES), fixed(3)).site(smallSite("desktop-test")), "owned:desktop-test");
        ClaimCheck c = CostEngine.capexClaim(o, 3000, 15, "prod");
        assertEquals(1.0, c.ratio(), 1e-9);
        assertTrue(c.holds());
        ClaimCheck off = CostEngine.capexClaim(o, 2500, 15, "prod");
        // 3,000 / 2,500 = 1.2: 20 % over, outside 15 %
        assertFalse(off.holds());
        assertTrue(off.text().contains("20 %"), off.text());
    }
}
