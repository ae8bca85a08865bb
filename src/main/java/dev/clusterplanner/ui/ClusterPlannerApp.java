package dev.clusterplanner.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop application: applies the theme once, builds the main window on the default plan. */
public class ClusterPlannerApp extends Application {

    public static void main(String[] args) {
        launch(ClusterPlannerApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Theme.apply(false);
        MainViewModel viewModel = new MainViewModel();
        MainView view = new MainView(viewModel);
        Scene scene = new Scene(view.root(), 1280, 800);
        Styles.apply(scene);
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setScene(scene);
        stage.show();
    }
}
