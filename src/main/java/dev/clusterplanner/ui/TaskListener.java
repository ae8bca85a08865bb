package dev.clusterplanner.ui;

/**
 * What a view-model hears of a background task. Every call arrives on the UI thread; after
 * {@link TaskHandle#cancel()} neither {@link #succeeded} nor {@link #failed} is called, only
 * {@link #cancelled} once.
 */
public interface TaskListener<T> {

    void succeeded(T value);

    default void failed(Throwable error) {
    }

    default void progressed(double fraction, String message) {
    }

    default void cancelled() {
    }

    /** A listener from two lambdas: what to do with the result and with an error. */
    static <T> TaskListener<T> of(java.util.function.Consumer<? super T> onSuccess, java.util.function.Consumer<Throwable> onFailure) {
        return new TaskListener<>() {
            @Override
            public void succeeded(T value) {
                onSuccess.accept(value);
            }

            @Override
            public void failed(Throwable error) {
                onFailure.accept(error);
            }
        };
    }
}
