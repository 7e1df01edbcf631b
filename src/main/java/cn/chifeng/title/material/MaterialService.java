package cn.chifeng.title.material;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.application.ApplicationStatus;
import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.common.Zones;
import cn.chifeng.title.correction.CorrectionNotices;
import cn.chifeng.title.season.Season;
import cn.chifeng.title.season.SeasonService;
import cn.chifeng.title.security.CurrentUser;

/**
 * Materials of an application, for the API and the portal alike: upload (PDF, JPG, PNG, checked by content; SHA-256
 * recorded), the checklist with what is missing, download for the applicant and the reviewers of its route. After the
 * application close nothing can be added except to answer a return (until the review close) or a correction notice
 * (until its deadline) — SEA-7.
 */
@Service
public class MaterialService {
    private final ApplicationService applications;
    private final Materials materials;
    private final MaterialChecklist checklist;
    private final SeasonService seasons;
    private final CorrectionNotices corrections;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final long maxBytes;

    MaterialService(ApplicationService applications, Materials materials, MaterialChecklist checklist,
                    SeasonService seasons, CorrectionNotices corrections, CurrentUser currentUser, Clock clock,
                    @Value("${title.materials.max-bytes}") long maxBytes) {
        this.applications = applications;
        this.materials = materials;
        this.checklist = checklist;
        this.seasons = seasons;
        this.corrections = corrections;
        this.currentUser = currentUser;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The checklist of the application's series and level, what is missing of it, what is uploaded. */
    public record Overview(List<MaterialChecklist.Item> checklist, List<MaterialChecklist.Item> missing,
                           List<Materials.Material> materials) {
        /** The required items still missing: the application cannot be submitted while there are any (APP-6). */
        public List<MaterialChecklist.Item> missingRequired() {
            return missing.stream().filter(MaterialChecklist.Item::requiredBeforeSubmission).toList();
        }
    }

    /** For whoever may read the application. */
    public Overview overview(String id) {
        ApplicationRecord a = applications.read(id);
        List<MaterialChecklist.Item> items = checklist.items(a.series(), a.targetLevel());
        Set<String> present = materials.itemsPresent(id);
        return new Overview(items, items.stream().filter(i -> !present.contains(i.code())).toList(),
                materials.of(id));
    }

    /** An upload by the applicant; {@code anonymised}: the anonymised copy of a blind-review item (EVA-5). */
    @Transactional
    public Materials.Material upload(String id, String item, String originalName, byte[] content, boolean copy) {
        ApplicationRecord a = applications.ownApplication(id);
        List<MaterialChecklist.Item> items = checklist.items(a.series(), a.targetLevel());
        Set<String> codes = items.stream().map(MaterialChecklist.Item::code).collect(Collectors.toSet());
        if (item == null || !codes.contains(item)) {
            throw ApiException.invalid("item", "材料项目无效，须为材料目录单中的项目：" + String.join("、", codes));
        }
        Set<String> blindCodes = items.stream().filter(MaterialChecklist.Item::forBlindReview)
                .map(MaterialChecklist.Item::code).collect(Collectors.toSet());
        if (copy && !blindCodes.contains(item)) {
            throw ApiException.invalid("anonymised", "只有盲审材料（" + String.join("、", blindCodes) + "）需要上传匿名件");
        }
        if (content == null || content.length == 0) {
            throw ApiException.invalid("file", "请选择要上传的文件");
        }
        fileName(originalName, item);
        if (content.length > maxBytes) {
            throw ApiException.invalid("file", "文件不能超过 " + maxBytes / 1024 / 1024 + " MB");
        }
        String type = typeOf(content);
        if (type == null) {
            throw ApiException.invalid("file", "只接受 PDF、JPG、PNG 文件");
        }
        if (copy && !MediaType.APPLICATION_PDF_VALUE.equals(type)) {
            throw ApiException.invalid("file", "匿名件须为 PDF（系统去除文件属性中的作者等信息）");
        }
        if (copy) {
            content = PdfAnonymiser.strip(content);
        }
        requireOpen(a);
        OffsetDateTime now = Zones.now(clock);
        String sha256 = sha256(content);
        // the copy's own name could carry the person's: it is stored under the item's code alone
        String name = copy ? item + "-匿名件.pdf" : fileName(originalName, item);
        long materialId = materials.insert(id, item, name, type, content, sha256, currentUser.id(), now, copy);
        return new Materials.Material(materialId, item, name, type, content.length, sha256, currentUser.id(), now,
                copy);
    }

    /** A stored file and what is known of it, for whoever may read the application. */
    public record Download(Materials.Material material, byte[] content) {
    }

    public Download download(String id, long materialId) {
        applications.read(id);
        Materials.Material m = materials.of(id).stream().filter(x -> x.id() == materialId).findFirst()
                .orElseThrow(() -> ApiException.notFound("材料不存在"));
        return new Download(m, materials.content(id, materialId).orElseThrow());
    }

    /** The name to keep: the last path segment, at most 200 characters, no control characters. */
    static String fileName(String original, String item) {
        if (original == null || original.isBlank()) {
            return item;
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        String problem = cn.chifeng.title.common.Texts.problem(name, "文件名", 200, true);
        if (problem != null) {
            throw ApiException.invalid("file", problem);
        }
        return name.trim();
    }

    /** SEA-7: after the application close only answers to a return or to the correction notice. */
    private void requireOpen(ApplicationRecord a) {
        LocalDate today = seasons.today();
        Season season = seasons.find(a.season()).orElseThrow().forSeries(a.series());
        boolean open = !today.isAfter(season.applicationClose())
                || a.status() == ApplicationStatus.RETURNED && !today.isAfter(season.reviewClose())
                || a.status() == ApplicationStatus.CORRECTION_REQUESTED && corrections.of(a.id())
                        .map(n -> !today.isAfter(n.deadline())).orElse(false);
        if (!open) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "MATERIALS_CLOSED",
                    "个人申报已于 " + season.applicationClose() + " 截止，之后只能在退回修改（审核截止前）或一次性补正告知的时限内补充材料");
        }
    }

    /** The type by the file's content, not its name: %PDF, JPEG SOI, PNG signature. */
    static String typeOf(byte[] c) {
        if (c.length >= 5 && c[0] == '%' && c[1] == 'P' && c[2] == 'D' && c[3] == 'F' && c[4] == '-') {
            return MediaType.APPLICATION_PDF_VALUE;
        }
        if (c.length >= 3 && (c[0] & 0xFF) == 0xFF && (c[1] & 0xFF) == 0xD8 && (c[2] & 0xFF) == 0xFF) {
            return MediaType.IMAGE_JPEG_VALUE;
        }
        if (c.length >= 8 && (c[0] & 0xFF) == 0x89 && c[1] == 'P' && c[2] == 'N' && c[3] == 'G') {
            return MediaType.IMAGE_PNG_VALUE;
        }
        return null;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
