package dev.clusterplanner.ui.help;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuideTextTest {

    @Test
    void markdownBecomesReadableBlocks() {
        List<GuideText.Block> b = GuideText.parse("""
                # Cost

                The **total** is the sum of
                every month: see [Sizing](sizing.md) and [AWS](https://aws.amazon.com/ec2/pricing/).

                - one `item`
                - two

                    java -jar x.jar plan
                    java -jar x.jar check
                """);
        assertEquals(new GuideText.Block(GuideText.Kind.TITLE, "Cost"), b.get(0));
        assertEquals(new GuideText.Block(GuideText.Kind.PARAGRAPH,
                "The total is the sum of every month: see Sizing (see the guide page) and AWS (https://aws.amazon.com/ec2/pricing/)."), b.get(1));
        assertEquals(new GuideText.Block(GuideText.Kind.ITEM, "\u2022 one item"), b.get(2));
        assertEquals(new GuideText.Block(GuideText.Kind.ITEM, "\u2022 two"), b.get(3));
        assertEquals(new GuideText.Block(GuideText.Kind.CODE, "java -jar x.jar plan\njava -jar x.jar check"), b.get(4));
        assertEquals(5, b.size());
    }

    @Test
    void theGuideShipsInsideTheProgramAndStartsWithStartHere() {
        List<HelpPages.Page> pages = HelpPages.all();
        assertEquals("Start here", pages.get(0).title());
        assertTrue(pages.stream().anyMatch(p -> p.id().equals("getting-started") && p.blocks().size() > 10),
                "the user guide's getting-started page is read from the class path");
        assertEquals("About", pages.get(pages.size() - 1).title());
        assertTrue(pages.get(pages.size() - 1).blocks().stream().anyMatch(x -> x.text().startsWith("Cluster Planner ")));
    }
}
