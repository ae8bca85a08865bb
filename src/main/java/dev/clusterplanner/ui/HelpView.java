package dev.clusterplanner.ui;

import dev.clusterplanner.ui.help.GuideText;
import dev.clusterplanner.ui.help.HelpPages;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

/**
 * Help in its own window: "Start here" (what to do first, what the numbers mean), the user guide's pages, the keyboard
 * shortcuts and About. It fits the screen it opens on, has a Close button, and Esc closes it.
 */
public final class HelpView {

    private HelpView() {
    }

    /** The help window's content, opened on the page {@code pageId}; {@code close} closes it. */
    public static BorderPane content(String pageId, Runnable close) {
        List<HelpPages.Page> pages = HelpPages.all();
        ListView<HelpPages.Page> index = new ListView<>();
        index.setId("helpPages");
        index.getItems().setAll(pages);
        index.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(HelpPages.Page p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.title());
            }
        });
        index.setMinWidth(180);
        VBox page = new VBox(8);
        page.setId("helpPage");
        page.getStyleClass().add(Styles.HELP_TEXT);
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        index.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            page.getChildren().setAll(p == null ? List.of() : render(p));
            scroll.setVvalue(0);
        });
        int start = 0;
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).id().equals(pageId)) {
                start = i;
            }
        }
        index.getSelectionModel().select(start);
        SplitPane split = new SplitPane(index, scroll);
        split.setDividerPositions(0.25);
        Button closeButton = new Button("Close");
        closeButton.setId("closeHelp");
        closeButton.setCancelButton(true);
        closeButton.setOnAction(e -> close.run());
        HBox bar = new HBox(8, new Label(HelpPages.version()), closeButton);
        bar.getStyleClass().add(Styles.STATUS_BAR);
        BorderPane root = new BorderPane(split);
        root.setBottom(bar);
        return root;
    }

    static List<Node> render(HelpPages.Page p) {
        return p.blocks().stream().map(b -> {
            Label l = new Label(b.text());
            l.setWrapText(true);
            l.getStyleClass().add(switch (b.kind()) {
                case TITLE -> Styles.AREA_TITLE;
                case HEADING -> Styles.SECTION_TITLE;
                case CODE -> Styles.HELP_CODE;
                case ITEM -> Styles.HELP_ITEM;
                case PARAGRAPH -> Styles.HELP_PARAGRAPH;
            });
            return (Node) l;
        }).toList();
    }

    /** Opens the help window on a page ("start", "about", a guide page's name), sized to fit the screen. */
    public static Stage show(Window owner, String pageId) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Cluster Planner help");
        Rectangle2D screen = WindowBounds.Screens.system().visualBounds().stream().findFirst().orElse(new Rectangle2D(0, 0, 1024, 700));
        Scene scene = new Scene(content(pageId, stage::close), Math.min(920, screen.getWidth() * 0.9), Math.min(680, screen.getHeight() * 0.9));
        // a filter, so that Esc closes the window whichever control has the focus (a list would keep it)
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                stage.close();
            }
        });
        Styles.apply(scene);
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    public static Stage show(Window owner) {
        return show(owner, "start");
    }
}
