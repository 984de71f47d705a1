package dev.muru.tests;

import dev.muru.MuruSettings;
import dev.muru.server.sqllogictest.SltRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 6's CI subset of ../shared/sqllogictest: select1-5, every file of evidence/, and one file
 * of each random/ and index/ kind, run forced sequential and forced parallel, with the runner's
 * {@code compatibility = 'sqlite'}. Every executed record must pass (docs/sqllogictest.md has the
 * whole corpus, in both modes).
 */
class SqlLogicTestSubsetTest {
    static final Path CORPUS = Path.of("../../shared/sqllogictest");
    static final List<String> FILES = List.of("select1.test", "select2.test", "select3.test", "select4.test",
            "select5.test",
            "evidence/in1.test", "evidence/in2.test", "evidence/slt_lang_aggfunc.test",
            "evidence/slt_lang_createtrigger.test", "evidence/slt_lang_createview.test",
            "evidence/slt_lang_dropindex.test", "evidence/slt_lang_droptable.test",
            "evidence/slt_lang_droptrigger.test", "evidence/slt_lang_dropview.test", "evidence/slt_lang_reindex.test",
            "evidence/slt_lang_replace.test", "evidence/slt_lang_update.test",
            "random/aggregates/slt_good_0.test", "random/expr/slt_good_0.test", "random/groupby/slt_good_0.test",
            "random/select/slt_good_0.test",
            "index/between/1000/slt_good_0.test", "index/commute/1000/slt_good_0.test",
            "index/delete/1/slt_good_0.test", "index/in/10/slt_good_3.test", "index/orderby/10/slt_good_0.test",
            "index/orderby_nosort/10/slt_good_0.test", "index/random/1000/slt_good_0.test",
            "index/view/10000/slt_good_0.test");

    static Stream<Arguments> files() {
        List<Arguments> out = new ArrayList<>();
        for (String mode : List.of("sequential", "parallel")) {
            for (String f : FILES) {
                out.add(Arguments.of(mode, f));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("files")
    void everyExecutedRecordPasses(String mode, String file) throws Exception {
        MuruSettings s = mode.equals("parallel")
                ? MuruSettings.load().withThreshold(0).withParallelism(2).withMorselRows(64)
                : MuruSettings.load().withThreshold(MuruSettings.NEVER);
        SltRunner.FileResult r = new SltRunner(s).run(CORPUS.resolve(file));
        // evidence/ files are short; slt_lang_aggfunc.test halts for every engine but SQLite after 5 records
        assertTrue(r.run() >= (file.startsWith("evidence/") ? 5 : 1000), file + " ran " + r.run() + " records");
        assertEquals(List.of(), r.failures().stream().limit(5).map(Object::toString).toList(),
                file + " in " + mode + " mode");
        assertEquals(r.run(), r.passed());
    }
}
