package dev.backfillfleet.firestore;

import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestFirestoreFailures
{
    @Test
    void aDeadlineIsTransientAndSaidWithoutTheCarryingClass()
    {
        RuntimeException failure = FirestoreFailures.translate("heartbeat of synthetic/2024-01-15",
                Status.DEADLINE_EXCEEDED.withDescription("CallOptions deadline exceeded after 2.999s").asRuntimeException());

        assertThat(failure).isInstanceOf(FleetException.class);
        assertThat(((FleetException) failure).errorClass()).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(failure.getMessage())
                .isEqualTo("firestore heartbeat of synthetic/2024-01-15 failed (DEADLINE_EXCEEDED): CallOptions deadline exceeded after 2.999s")
                .doesNotContain("Exception");
    }

    @Test
    void onlyALeadingClassNameIsRemoved()
    {
        assertThat(FirestoreFailures.withoutClassName("io.grpc.StatusRuntimeException: UNAVAILABLE: io exception"))
                .isEqualTo("io exception");
        assertThat(FirestoreFailures.withoutClassName("DEADLINE_EXCEEDED: deadline exceeded after 3s")).isEqualTo("deadline exceeded after 3s");
        assertThat(FirestoreFailures.withoutClassName("the document changed: java.lang.IllegalStateException: x"))
                .isEqualTo("the document changed: java.lang.IllegalStateException: x");
    }
}
