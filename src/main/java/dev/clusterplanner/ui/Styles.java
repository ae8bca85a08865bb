package dev.clusterplanner.ui;

import javafx.scene.Scene;

/** Style-class names used by the views (no inline styles); the rules live in app.css. */
public final class Styles {

    public static final String STATUS_BAR = "status-bar";
    public static final String AREA_TITLE = "area-title";
    public static final String PLACEHOLDER = "placeholder";
    /** An area's content (padding). */
    public static final String AREA = "area";
    /** The banner over the tabs: an error that did not load or save something. */
    public static final String PROBLEM_BANNER = "problem-banner";
    /** The banner over the tabs: a plan recovered after a crash is on offer. */
    public static final String RECOVERY_BANNER = "recovery-banner";
    public static final String BANNER_HEADLINE = "banner-headline";
    public static final String BANNER_DETAILS = "banner-details";
    /** A small rounded label: "estimate", "override", a severity. */
    public static final String BADGE = "badge";
    public static final String BADGE_ESTIMATE = "badge-estimate";
    public static final String BADGE_OVERRIDE = "badge-override";
    public static final String BADGE_INFO = "badge-info";
    public static final String BADGE_WARNING = "badge-warning";
    public static final String BADGE_ERROR = "badge-error";
    /** A table row whose last edit was refused. */
    public static final String INVALID_ROW = "invalid-row";
    /** A form field whose value is refused (the reason shows under it). */
    public static final String FIELD_INVALID = "field-invalid";
    /** The reason an edit was refused. */
    public static final String PROBLEM_TEXT = "problem-text";
    public static final String MUTED = "muted";
    /** What to do next, on an empty page. */
    public static final String GUIDANCE = "guidance";
    public static final String TOOLBAR = "area-toolbar";
    public static final String DETAILS = "details-pane";
    public static final String DETAIL_LABEL = "detail-label";
    public static final String DETAIL_VALUE = "detail-value";
    public static final String SECTION_TITLE = "section-title";
    /** A result card of one hardware option. */
    public static final String CARD = "option-card";
    public static final String CARD_TITLE = "card-title";
    public static final String CARD_FIGURE = "card-figure";
    public static final String CARD_LABEL = "card-label";
    public static final String CARD_BEST = "card-best";
    public static final String CARD_FAILS = "card-fails";
    public static final String CARD_SELECTED = "card-selected";
    public static final String UNAVAILABLE = "unavailable";
    public static final String SEVERITY_INFO = "severity-info";
    public static final String SEVERITY_WARNING = "severity-warning";
    public static final String SEVERITY_ERROR = "severity-error";
    /** A plan-vs-actual line that matches the plan. */
    public static final String SEVERITY_OK = "severity-ok";
    public static final String HELP_TEXT = "help-text";
    public static final String HELP_CODE = "help-code";
    public static final String HELP_ITEM = "help-item";
    public static final String HELP_PARAGRAPH = "help-paragraph";
    /** The histogram bar holding the median (P50) / the 90th percentile (P90). */
    public static final String HISTOGRAM_P50 = "histogram-p50";
    public static final String HISTOGRAM_P90 = "histogram-p90";
    /** A break-even point on the cumulative cost chart. */
    public static final String BREAK_EVEN_MARKER = "break-even-marker";

    private Styles() {
    }

    /** Adds the app's stylesheet to a scene. */
    public static void apply(Scene scene) {
        scene.getStylesheets().add(Styles.class.getResource("app.css").toExternalForm());
    }
}
