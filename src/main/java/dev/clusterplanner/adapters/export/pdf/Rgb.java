package dev.clusterplanner.adapters.export.pdf;

/** A colour, each channel 0..1. The palette is Okabe and Ito's, distinguishable with colour-blindness. */
record Rgb(float r, float g, float b) {

    static final Rgb BLACK = new Rgb(0, 0, 0);
    static final Rgb WHITE = new Rgb(1, 1, 1);
    static final Rgb TEXT = new Rgb(0.10f, 0.10f, 0.12f);
    static final Rgb GREY = new Rgb(0.40f, 0.40f, 0.43f);
    static final Rgb RULE = new Rgb(0.70f, 0.70f, 0.72f);
    static final Rgb GRID = new Rgb(0.88f, 0.88f, 0.90f);
    static final Rgb HEADER_FILL = new Rgb(0.86f, 0.89f, 0.94f);
    static final Rgb ZEBRA = new Rgb(0.955f, 0.96f, 0.97f);
    static final Rgb HEADING = new Rgb(0.08f, 0.20f, 0.40f);

    static final Rgb ERROR = hex(0xB2182B);
    static final Rgb WARNING = hex(0xC46A00);
    static final Rgb INFO = hex(0x0072B2);

    /** Okabe-Ito: blue, orange, bluish green, vermillion, sky blue, reddish purple, yellow, black. */
    static final Rgb[] PALETTE = {
            hex(0x0072B2), hex(0xE69F00), hex(0x009E73), hex(0xD55E00),
            hex(0x56B4E9), hex(0xCC79A7), hex(0xF0E442), hex(0x000000)
    };

    static Rgb palette(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    static Rgb hex(int rgb) {
        return new Rgb(((rgb >> 16) & 0xff) / 255f, ((rgb >> 8) & 0xff) / 255f, (rgb & 0xff) / 255f);
    }
}
