package dev.clusterplanner.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The layering rules of README's "Architecture", checked on the compiled classes. */
class ArchitectureTest {

    static final String BASE = "dev.clusterplanner";
    static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    /** The layers and who may use whom. */
    static ArchRule layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Core").definedBy(BASE + ".core..")
                .layer("Adapters").definedBy(BASE + ".adapters..")
                .layer("Application").definedBy(BASE + ".app..")
                .layer("Cli").definedBy(BASE + ".cli..")
                .layer("Ui").definedBy(BASE + ".ui..")
                .layer("Launcher").definedBy(BASE)
                .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("Ui").mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("Application").mayOnlyBeAccessedByLayers("Cli", "Ui", "Launcher")
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Application")
                .whereLayer("Core").mayOnlyBeAccessedByLayers("Adapters", "Application", "Cli", "Ui")
                .because("both front ends go through the application services, adapters are reached only through them, "
                        + "and the core knows nothing of the layers around it");
    }

    static ArchRule coreIsPlainJava() {
        return noClasses().that().resideInAPackage(BASE + ".core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "org.controlsfx..", "atlantafx..",
                        "com.fasterxml.jackson..", "com.opencsv..", "org.apache.pdfbox..",
                        "picocli..", "java.net.http..", "javax.net..", "java.awt..", "javax.swing..", "java.nio.file..", "java.io.File")
                .because("the core (model, sizing, storage, power, cost, simulation) is plain Java: "
                        + "no toolkit, no file formats, no HTTP, no printing, so it is testable and reusable by both front ends");
    }

    static ArchRule onlyTheUiUsesJavaFx() {
        return noClasses().that().resideOutsideOfPackages(BASE + ".ui..")
                .and().doNotHaveFullyQualifiedName(BASE + ".Launcher")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .because("the command line must run without a display, so only the ui package may touch JavaFX");
    }

    static ArchRule formatsStayInAdapters() {
        return noClasses().that().resideInAnyPackage(BASE + ".ui..", BASE + ".cli..", BASE + ".app..")
                .should().dependOnClassesThat().resideInAnyPackage("com.opencsv..", "org.apache.pdfbox..")
                .because("CSV and PDF are file formats, which belong to the adapters");
    }

    static ArchRule appDoesNotUseThePdfEngine() {
        return noClasses().that().resideInAPackage(BASE + ".app..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".adapters.export.pdf..")
                .because("the report's chapters are built as the neutral document model (core.document) and handed to the "
                        + "export adapter's entry point (adapters.export.ReportPdf); the PDF layout engine is the adapter's own business");
    }

    static ArchRule documentModelIsNeutral() {
        return noClasses().that().resideInAPackage(BASE + ".core.document..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".adapters..", BASE + ".app..", BASE + ".cli..",
                        BASE + ".ui..", "org.apache.pdfbox..", "org.apache.fontbox..")
                .because("the document model (headings, paragraphs, tables, charts as data) is shared by the application, "
                        + "which fills it, and the PDF adapter, which lays it out, so it may know neither");
    }

    static ArchRule jsonAndHttpStayInAdapters() {
        return noClasses().that().resideInAnyPackage(BASE + ".core..", BASE + ".app..", BASE + ".cli..", BASE + ".ui..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "java.net.http..")
                .because("each JSON document has one home in the adapters (ResultJson, CostJson, SnapshotJson, PlanWriter, "
                        + "checked against the published schemas) and HTTP is the Incus and Ceph adapters' business");
    }

    @Test
    void jsonAndHttpLibrariesAreConfinedToAdapters() {
        jsonAndHttpStayInAdapters().check(production);
    }

    @Test
    void jsonRuleCatchesTheAppWritingJsonItself() {
        JavaClasses violator = new ClassFileImporter().importClasses(dev.clusterplanner.app.archfixture.AppWritingJsonItself.class);
        EvaluationResult result = jsonAndHttpStayInAdapters().evaluate(violator);
        assertTrue(result.hasViolation(), "an app class using Jackson must be reported");
        assertTrue(result.getFailureReport().toString().contains("because each JSON document has one home"), result.getFailureReport().toString());
    }

    @Test
    void theAppBuildsReportsWithoutThePdfEngine() {
        appDoesNotUseThePdfEngine().check(production);
        documentModelIsNeutral().check(production);
    }

    @Test
    void pdfRuleCatchesTheAppUsingThePdfEngine() {
        JavaClasses violator = new ClassFileImporter().importClasses(dev.clusterplanner.app.archfixture.AppLayingOutPdfItself.class);
        EvaluationResult result = appDoesNotUseThePdfEngine().evaluate(violator);
        assertTrue(result.hasViolation(), "an app class using adapters.export.pdf must be reported");
        assertTrue(result.getFailureReport().toString().contains("AppLayingOutPdfItself")
                && result.getFailureReport().toString().contains("because the report's chapters"), result.getFailureReport().toString());
    }

    @Test
    void documentModelRuleCatchesAModelClassThatKnowsThePdfLibrary() {
        JavaClasses violator = new ClassFileImporter().importClasses(
                dev.clusterplanner.core.document.archfixture.DocumentModelKnowingPdf.class);
        EvaluationResult result = documentModelIsNeutral().evaluate(violator);
        assertTrue(result.hasViolation(), "a core.document class using PDFBox must be reported");
        assertTrue(result.getFailureReport().toString().contains("because the document model"), result.getFailureReport().toString());
    }

    @Test
    void layersAreRespected() {
        layers().check(production);
    }

    @Test
    void coreIsFreeOfToolkitsFormatsAndIo() {
        coreIsPlainJava().check(production);
    }

    @Test
    void javaFxIsConfinedToTheUi() {
        onlyTheUiUsesJavaFx().check(production);
    }

    @Test
    void fileFormatLibrariesAreConfinedToAdapters() {
        formatsStayInAdapters().check(production);
    }

    /** The rules themselves are tested: deliberate violations (fixtures in the test sources) must be caught. */
    @Test
    void coreRuleCatchesACoreClassUsingJavaFx() {
        JavaClasses violator = new ClassFileImporter().importClasses(dev.clusterplanner.core.archfixture.CoreUsingJavaFx.class);
        EvaluationResult result = coreIsPlainJava().evaluate(violator);
        assertTrue(result.hasViolation(), "a core class using JavaFX must be reported");
        assertTrue(result.getFailureReport().toString().contains("because the core"), result.getFailureReport().toString());
    }

    @Test
    void layerRuleCatchesTheUiCallingAnAdapterDirectly() {
        JavaClasses violators = new ClassFileImporter().importClasses(
                dev.clusterplanner.ui.archfixture.UiReadingPlanFilesDirectly.class,
                dev.clusterplanner.adapters.plan.PlanWriter.class);
        EvaluationResult result = layers().evaluate(violators);
        assertTrue(result.hasViolation(), "a UI class calling an adapter directly must be reported");
        assertTrue(result.getFailureReport().getDetails().stream().anyMatch(d -> d.contains("UiReadingPlanFilesDirectly") && d.contains("PlanWriter")),
                result.getFailureReport().toString());
    }

    @Test
    void theProductionCodeHasNoViolationOfTheCoreRule() {
        assertFalse(coreIsPlainJava().evaluate(production).hasViolation());
    }
}
