package cn.chifeng.title.printform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.application.Dossier;
import cn.chifeng.title.application.Dossiers;
import cn.chifeng.title.application.ReviewStep;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.organisation.OrganisationDirectory;

/**
 * The printed 《专业技术职称评审表》 and 《专业技术职称送审表》 of an application (APP-4), laid out by
 * {@code print-forms.yaml}: for whoever may read the application (its applicant, the bodies on its route,
 * administrators — {@link ApplicationService#read}), anyone else is told it does not exist.
 */
@Service
public class PrintForms {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final PrintFormTemplate template;
    private final ApplicationService applications;
    private final Dossiers dossiers;
    private final OrganisationDirectory organisations;
    private final PrintFormPdf pdf;
    private final Clock clock;

    PrintForms(@Value("${title.print-forms:classpath:print-forms.yaml}") Resource template,
               ApplicationService applications, Dossiers dossiers, OrganisationDirectory organisations,
               PrintFormPdf pdf, Clock clock) {
        this.template = read(template);
        this.applications = applications;
        this.dossiers = dossiers;
        this.organisations = organisations;
        this.pdf = pdf;
        this.clock = clock;
    }

    private static PrintFormTemplate read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            return PrintFormTemplate.read(in, file.getFilename() == null ? file.getDescription() : file.getFilename());
        } catch (IOException e) {
            throw new UncheckedIOException("打印表格版式无法读取: " + file, e);
        }
    }

    /** A printed form: its file name (Chinese, and an ASCII one for old clients) and the PDF. */
    public record Printed(String fileName, String asciiFileName, byte[] content) {
    }

    /** The PDF of the 评审表, for the caller if they may read the application (404 otherwise). */
    public byte[] reviewForm(String applicationId) {
        return print(PrintForm.REVIEW_FORM, applicationId).content();
    }

    /** The PDF of the 送审表, for the caller if they may read the application (404 otherwise). */
    public byte[] submissionForm(String applicationId) {
        return print(PrintForm.SUBMISSION_FORM, applicationId).content();
    }

    public Printed print(PrintForm which, String applicationId) {
        ApplicationRecord a = applications.read(applicationId);
        FilledForm filled = form(which, a);
        return new Printed(filled.title() + "-" + a.applicantName() + ".pdf", which.key() + "-" + a.id() + ".pdf",
                pdf.render(filled));
    }

    /** The form filled with the application's values, for the caller if they may read it (404 otherwise). */
    public FilledForm fill(PrintForm which, String applicationId) {
        return form(which, applications.read(applicationId));
    }

    private FilledForm form(PrintForm which, ApplicationRecord a) {
        Dossier dossier = dossiers.parse(a.dossierJson());
        List<ReviewStep> trail = applications.trail(a.id());
        PrintFormTemplate.Form form = template.form(which);
        PrintFields.Source source = new PrintFields.Source(a, dossier, organisations);

        List<FilledForm.Block> blocks = new ArrayList<>();
        for (PrintFormTemplate.Section s : form.sections()) {
            if (!s.isTable()) {
                blocks.add(new FilledForm.Grid(s.heading(), s.rows().stream().map(r -> {
                    String value = PrintFields.APPLICATION.get(r.field()).apply(source);
                    return new FilledForm.Pair(r.label(),
                            r.blind() ? PrintFields.blind(r.field(), value) : PrintFields.shown(value));
                }).toList()));
            } else if (s.table().equals(PrintFields.SERVICE_HISTORY)) {
                blocks.add(table(s, dossier.serviceHistory() == null ? List.of() : dossier.serviceHistory(),
                        PrintFields.SERVICE_PERIOD));
            } else {
                blocks.add(table(s, trail, PrintFields.DECISION));
            }
        }
        String today = DAY.format(LocalDate.now(clock.withZone(Zones.CHINA)));
        return new FilledForm(form.title(), a.applicantName(), "申报编号：" + a.id() + "　　打印日期：" + today,
                form.note(), blocks);
    }

    private static <T> FilledForm.Table table(PrintFormTemplate.Section s, List<T> items,
                                                java.util.Map<String, Function<T, String>> fields) {
        List<String> header = s.columns().stream().map(PrintFormTemplate.Item::label).toList();
        float[] widths = new float[s.columns().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = switch (s.columns().get(i).field()) {
                case "opinion", "comment" -> 3f;
                case "body" -> 2f;
                case "date", "reviewer", "from", "to" -> 1.6f;
                default -> 1.1f;
            };
        }
        List<List<String>> rows = items.stream().map(item -> s.columns().stream()
                .map(c -> PrintFields.shown(fields.get(c.field()).apply(item))).toList()).toList();
        return new FilledForm.Table(s.heading(), header, widths, rows);
    }
}
