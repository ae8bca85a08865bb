package dev.clusterplanner.core.document;

/** The two paper sizes a report is laid out for, in points (1/72 inch, the unit of PDF). */
public enum PaperSize {
    /** ISO 216 A4, 210 x 297 mm. */
    A4(595.2756f, 841.8898f),
    /** US Letter, 8.5 x 11 in. */
    LETTER(612f, 792f);

    private final float width;
    private final float height;

    PaperSize(float width, float height) {
        this.width = width;
        this.height = height;
    }

    public float width() {
        return width;
    }

    public float height() {
        return height;
    }
}
