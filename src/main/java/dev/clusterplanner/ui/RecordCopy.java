package dev.clusterplanner.ui;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/** A copy of a record with one component changed, through its canonical constructor (so the record's own checks run). */
public final class RecordCopy {

    private RecordCopy() {
    }

    public static <R extends Record> R with(R record, String component, Object value) {
        RecordComponent[] parts = record.getClass().getRecordComponents();
        Object[] args = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        boolean found = false;
        try {
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                if (parts[i].getName().equals(component)) {
                    args[i] = value;
                    found = true;
                } else {
                    args[i] = parts[i].getAccessor().invoke(record);
                }
            }
            if (!found) {
                throw new IllegalStateException(record.getClass().getSimpleName() + " has no component " + component);
            }
            Constructor<?> c = record.getClass().getDeclaredConstructor(types);
            @SuppressWarnings("unchecked")
            R copy = (R) c.newInstance(args);
            return copy;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Object get(Record record, String component) {
        try {
            for (RecordComponent p : record.getClass().getRecordComponents()) {
                if (p.getName().equals(component)) {
                    return p.getAccessor().invoke(record);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException(record.getClass().getSimpleName() + " has no component " + component);
    }
}
