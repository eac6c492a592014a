package dev.backfillfleet.firestore;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** infra/ deploys the adapter's index list; the file must say exactly what the list says. */
class TestFirestoreIndexes
{
    @Test
    void theDeployedIndexFileIsTheAdaptersList()
            throws Exception
    {
        Path file = Path.of("..").resolve(FirestoreIndexes.INDEX_FILE);
        String expected = FirestoreIndexes.firebaseIndexFile(FirestoreStateStoreSettings.DEFAULT_COLLECTION);
        assertThat(Files.readString(file))
                .as("%s differs from FirestoreIndexes; write it anew with: bin/coordinator setup --print-firestore-indexes > %s",
                        FirestoreIndexes.INDEX_FILE, FirestoreIndexes.INDEX_FILE)
                .isEqualTo(expected);
    }

    @Test
    void theCreateCommandNamesEveryFieldInOrder()
    {
        FirestoreIndex index = FirestoreIndex.ascending("table", "status", "date");
        assertThat(FirestoreIndexes.createCommand("p", "(default)", "backfill_dates", index))
                .isEqualTo("gcloud firestore indexes composite create --project=p --database='(default)' --collection-group=backfill_dates"
                        + " --query-scope=collection --field-config=field-path=table,order=ascending"
                        + " --field-config=field-path=status,order=ascending --field-config=field-path=date,order=ascending");
    }
}
