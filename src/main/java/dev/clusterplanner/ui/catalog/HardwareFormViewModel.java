package dev.clusterplanner.ui.catalog;

import dev.clusterplanner.app.UserCatalogService;
import dev.clusterplanner.core.model.Hardware;
import dev.clusterplanner.core.model.InputProblem;
import dev.clusterplanner.core.model.InputRejectedException;
import dev.clusterplanner.ui.BackgroundExecutor;
import dev.clusterplanner.ui.PlanDocument;
import dev.clusterplanner.ui.RecordCopy;
import dev.clusterplanner.ui.TaskListener;
import dev.clusterplanner.ui.UserWords;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The form for the user's own hardware: a row duplicated from the catalog as a quote, one of the user's rows edited,
 * or a row whose price is missing given one. The draft is checked as it is typed; Save writes it to the user's catalog
 * folder through {@link UserCatalogService#addHardware} (the CSV loader's rules, written atomically), the catalogs are
 * reloaded, and the row can be made a candidate of the selected site at once.
 */
public class HardwareFormViewModel {

    /** What the form does with the row it starts from. */
    public enum Mode {
        /** A new row of the user's, copied from a catalog row (a supplier's quote for a similar machine). */
        DUPLICATE,
        /** One of the user's rows, changed in place. */
        EDIT,
        /** A row whose price is missing, given one: the user's row of the same id overrides the shipped one. */
        PRICE
    }

    /** The fields of the form, with the label (and unit) the window shows. */
    public enum Field {
        ID("Id (letters, digits, -)"), NAME("Name"), PRICE("Purchase price (USD)"), MONTHLY("Monthly rent (USD)"),
        SOURCE("Source of the price (quote, address)"), DATE("Date of the price (YYYY-MM-DD)"), ESTIMATE("Estimate"),
        THREADS("Threads"), MEMORY("Memory (GiB)"), POWER_MAX("Power at full load (W)"), NOTES("Notes");

        private final String label;

        Field(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final UserCatalogService userCatalog;
    private final BackgroundExecutor executor;
    private final PlanDocument document;
    private final IntegerProperty site;
    private final Runnable reloadCatalogs;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>();
    private final ObjectProperty<Hardware> draft = new SimpleObjectProperty<>();
    private final Map<Field, String> texts = new EnumMap<>(Field.class);
    private final BooleanProperty makeCandidate = new SimpleBooleanProperty(true);
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty();

    public HardwareFormViewModel(UserCatalogService userCatalog, BackgroundExecutor executor, PlanDocument document,
                                 IntegerProperty site, Runnable reloadCatalogs) {
        this.userCatalog = userCatalog;
        this.executor = executor;
        this.document = document;
        this.site = site;
        this.reloadCatalogs = reloadCatalogs;
    }

    /** Null when the form is closed. */
    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public BooleanProperty makeCandidateProperty() {
        return makeCandidate;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty savingProperty() {
        return saving;
    }

    /** Opens the form on {@code base}: a copy to become the user's quote, the user's row to edit, or a row to price. */
    public void start(Hardware base, Mode how) {
        Hardware h = base;
        if (how == Mode.DUPLICATE) {
            h = RecordCopy.with(RecordCopy.with(RecordCopy.with(RecordCopy.with(base, "id", base.id() + "-quote"),
                    "name", (base.name() == null ? base.id() : base.name()) + " (my quote)"), "sourceDate", LocalDate.now()), "source", "");
            h = RecordCopy.with(h, "estimate", false);
        }
        if (how == Mode.PRICE) {
            h = RecordCopy.with(RecordCopy.with(RecordCopy.with(base, "sourceDate", LocalDate.now()), "source", ""), "estimate", false);
        }
        texts.clear();
        for (Field f : Field.values()) {
            texts.put(f, format(h, f));
        }
        draft.set(h);
        mode.set(how);
        status.set(switch (how) {
            case DUPLICATE -> "A copy of " + base.id() + ": give it its own id, your price and where the price comes from.";
            case EDIT -> "Your row " + base.id() + ": change it and save.";
            case PRICE -> "Give " + base.id() + " a price: your row of the same id will be used instead of the catalog's.";
        });
    }

    public void cancel() {
        mode.set(null);
        draft.set(null);
        status.set("");
    }

    public String text(Field f) {
        return texts.getOrDefault(f, "");
    }

    static String format(Hardware h, Field f) {
        return switch (f) {
            case ID -> h.id();
            case NAME -> h.name() == null ? "" : h.name();
            case PRICE -> h.priceUsd() == null ? "" : num(h.priceUsd());
            case MONTHLY -> h.monthlyUsd() == null ? "" : num(h.monthlyUsd());
            case SOURCE -> h.source() == null ? "" : h.source();
            case DATE -> h.sourceDate() == null ? "" : h.sourceDate().toString();
            case ESTIMATE -> h.estimate() ? "yes" : "no";
            case THREADS -> String.valueOf(h.threads());
            case MEMORY -> num(h.memoryGib());
            case POWER_MAX -> h.powerMaxW() == null ? "" : num(h.powerMaxW());
            case NOTES -> h.notes();
        };
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** The draft with {@code f} set from text; IllegalArgumentException with a sentence when the text is not a value. */
    static Hardware with(Hardware h, Field f, String input) {
        String t = input == null ? "" : input.trim();
        return switch (f) {
            case ID -> {
                if (!t.matches("[a-z0-9][a-z0-9.-]*")) {
                    throw new IllegalArgumentException("The id is lower-case letters, digits, '.' and '-', starting with a letter or digit; got '" + t + "'");
                }
                yield RecordCopy.with(h, "id", t);
            }
            case NAME -> RecordCopy.with(h, "name", t);
            case PRICE -> RecordCopy.with(h, "priceUsd", optionalMoney(f, t));
            case MONTHLY -> RecordCopy.with(h, "monthlyUsd", optionalMoney(f, t));
            case SOURCE -> RecordCopy.with(h, "source", t);
            case DATE -> {
                try {
                    LocalDate d = LocalDate.parse(t);
                    if (d.isAfter(LocalDate.now())) {
                        throw new IllegalArgumentException("The date of the price cannot be in the future: " + t);
                    }
                    yield RecordCopy.with(h, "sourceDate", d);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("The date of the price is YYYY-MM-DD, got '" + t + "'");
                }
            }
            case ESTIMATE -> RecordCopy.with(h, "estimate", switch (t.toLowerCase(Locale.ROOT)) {
                case "yes" -> true;
                case "no" -> false;
                default -> throw new IllegalArgumentException("Estimate is yes or no, got '" + t + "'");
            });
            case THREADS -> {
                try {
                    int n = Integer.parseInt(t);
                    if (n < 1) {
                        throw new NumberFormatException();
                    }
                    yield RecordCopy.with(h, "threads", n);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Threads must be a whole number of 1 or more, got '" + t + "'");
                }
            }
            case MEMORY -> RecordCopy.with(h, "memoryGib", positive(f, t));
            case POWER_MAX -> RecordCopy.with(h, "powerMaxW", t.isEmpty() ? null : positive(f, t));
            case NOTES -> RecordCopy.with(h, "notes", t);
        };
    }

    private static Double optionalMoney(Field f, String t) {
        if (t.isEmpty()) {
            return null; // unknown stays unknown
        }
        double v = number(f, t);
        if (v < 0) {
            throw new IllegalArgumentException(f.label() + " must be 0 or more, got " + t);
        }
        return v;
    }

    private static double positive(Field f, String t) {
        double v = number(f, t);
        if (!(v > 0)) {
            throw new IllegalArgumentException(f.label() + " must be more than 0, got " + t);
        }
        return v;
    }

    private static double number(Field f, String t) {
        try {
            double v = Double.parseDouble(t.replace(',', '.'));
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(f.label() + " must be a number, got '" + t + "'");
        }
    }

    /** Why {@code text} cannot be the field's value; empty when it can. Nothing is applied. */
    public Optional<String> validate(Field f, String text) {
        if (draft.get() == null) {
            return Optional.of("Open the form on a catalog row first.");
        }
        if (f == Field.ID && mode.get() != Mode.DUPLICATE && !text.trim().equals(draft.get().id())) {
            return Optional.of("The id of a row you edit or price stays " + draft.get().id() + " (duplicate it for a new row).");
        }
        try {
            with(draft.get(), f, text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Takes a typed value into the draft if it is valid; returns the reason otherwise. */
    public Optional<String> set(Field f, String text) {
        Optional<String> reason = validate(f, text);
        if (reason.isEmpty()) {
            draft.set(with(draft.get(), f, text));
            texts.put(f, text.trim());
        }
        return reason;
    }

    /** What is still missing before the draft can be saved ("" when nothing). */
    public String missing() {
        Hardware h = draft.get();
        if (h == null) {
            return "Open the form on a catalog row first.";
        }
        List<String> out = new ArrayList<>();
        if (h.priceUsd() == null && h.monthlyUsd() == null) {
            out.add("a price (purchase or monthly rent)");
        }
        if (h.source() == null || h.source().isBlank()) {
            out.add("where the price comes from (a quote, an address)");
        }
        return out.isEmpty() ? "" : "Still needed: " + String.join(", ", out) + ".";
    }

    /**
     * Writes the draft to the user's catalog folder in the background; then reloads the catalogs and, when asked, makes
     * the row a candidate of the selected site (undoable). A refused row says why and writes nothing.
     */
    public void save() {
        Hardware h = draft.get();
        String gap = missing();
        if (h == null || !gap.isEmpty()) {
            status.set(gap);
            return;
        }
        boolean replace = mode.get() != Mode.DUPLICATE;
        saving.set(true);
        status.set("Saving " + h.id() + " ...");
        executor.submit(c -> userCatalog.addHardware(h, replace), TaskListener.of(result -> {
            saving.set(false);
            if (makeCandidate.get() && !document.plan().sites().isEmpty()) {
                int s = Math.max(0, Math.min(site.get(), document.plan().sites().size() - 1));
                document.edit("add candidate " + h.id(), plan -> plan.withSite(s, x -> {
                    if (x.hardware().contains(h.id())) {
                        return x;
                    }
                    List<String> ids = new ArrayList<>(x.hardware());
                    ids.add(h.id());
                    return x.withHardware(ids);
                }));
            }
            reloadCatalogs.run();
            mode.set(null);
            draft.set(null);
            status.set("Saved " + h.id() + " to your catalog (" + result.file() + ")"
                    + (makeCandidate.get() ? "; it is now a candidate of the selected site" : ""));
        }, error -> {
            saving.set(false);
            status.set("Not saved: " + reason(error));
        }));
    }

    static String reason(Throwable error) {
        if (error instanceof InputRejectedException rejected) {
            return String.join("; ", rejected.problems().stream().map(InputProblem::message).map(UserWords::fieldNames).toList());
        }
        return UserWords.of(error);
    }
}
