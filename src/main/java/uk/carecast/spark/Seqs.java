package uk.carecast.spark;

import java.util.List;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Java lists of column names as the Scala sequences some Dataset methods take. */
public final class Seqs {

    private Seqs() {
    }

    public static Seq<String> of(String... names) {
        return CollectionConverters.asScala(List.of(names)).toList();
    }
}
