package dev.backfillfleet.inject;

import com.google.inject.BindingAnnotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@link java.time.Clock} of the state store's own time, which judges leases and anything
 * else compared across machines (permit windows, "seen done after it was queued", expired
 * leases): the machine's clock for the embedded store, the server's time as last seen for
 * Firestore. The unqualified Clock is the process's (logs, processed_at), which a test may
 * offset (docs/clocks-and-faults.md).
 */
@BindingAnnotation
@Target({ElementType.PARAMETER, ElementType.METHOD, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface StoreTime {}
