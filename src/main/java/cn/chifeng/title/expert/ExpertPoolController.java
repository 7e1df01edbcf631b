package cn.chifeng.title.expert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.organisation.OrganisationDirectory.Body;
import cn.chifeng.title.security.CurrentUser;

/**
 * A committee's expert pool (评审专家库, EVA-1) under {@code /api/committees/{committee}}: import and export of the
 * expert list (.xlsx, .csv), the committee's specialties, one expert's changes, and the season's clean-ups.
 */
@RestController
class ExpertPoolController {
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ExpertPool pool;
    private final ExpertPoolService service;
    private final PoolAccess access;
    private final OrganisationDirectory organisations;
    private final CurrentUser currentUser;
    private final long maxBytes;

    ExpertPoolController(ExpertPool pool, ExpertPoolService service, PoolAccess access,
                         OrganisationDirectory organisations, CurrentUser currentUser,
                         @Value("${title.experts.max-bytes}") long maxBytes) {
        this.pool = pool;
        this.service = service;
        this.access = access;
        this.organisations = organisations;
        this.currentUser = currentUser;
        this.maxBytes = maxBytes;
    }

    @PostMapping(value = "/api/committees/{committee}/experts/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ExpertPoolService.Counts> importList(@PathVariable String committee,
                                                        @RequestParam(required = false) MultipartFile file)
            throws IOException {
        access.write(committee);
        if (file == null || file.isEmpty()) {
            throw ApiException.invalid("file", "请选择要导入的专家名单（.xlsx 或 .csv）");
        }
        if (file.getSize() > maxBytes) {
            throw ApiException.invalid("file", "文件不能超过 " + maxBytes / 1024 / 1024 + " MB");
        }
        ExpertPoolService.Counts counts = service.importFile(committee, file.getBytes(), file.getOriginalFilename());
        return ResponseEntity.status(counts.inserted() > 0 ? HttpStatus.CREATED : HttpStatus.OK).body(counts);
    }

    @GetMapping("/api/committees/{committee}/experts")
    List<Expert> list(@PathVariable String committee) {
        access.read(committee);
        return pool.all(committee);
    }

    @GetMapping("/api/committees/{committee}/experts.xlsx")
    ResponseEntity<byte[]> exportXlsx(@PathVariable String committee) {
        Body office = access.read(committee);
        return attachment(ExpertSheet.xlsx(pool.all(committee), "评审专家库"), XLSX, office, "xlsx");
    }

    @GetMapping("/api/committees/{committee}/experts.csv")
    ResponseEntity<byte[]> exportCsv(@PathVariable String committee) {
        Body office = access.read(committee);
        return attachment(ExpertSheet.csv(pool.all(committee)), CSV, office, "csv");
    }

    @PatchMapping("/api/committees/{committee}/experts/{id}")
    Expert update(@PathVariable String committee, @PathVariable long id,
                  @RequestBody(required = false) Map<String, Object> changes) {
        access.write(committee);
        return service.update(committee, id, changes);
    }

    @GetMapping("/api/committees/{committee}/specialties")
    List<String> specialties(@PathVariable String committee) {
        access.read(committee);
        return pool.specialties(committee);
    }

    @PutMapping("/api/committees/{committee}/specialties")
    List<String> replaceSpecialties(@PathVariable String committee,
                                    @RequestBody(required = false) List<String> specialties) {
        access.write(committee);
        return service.replaceSpecialties(committee, specialties);
    }

    @PostMapping("/api/committees/{committee}/pool-cleanups")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> cleanUp(@PathVariable String committee, @RequestBody(required = false) CleanupRequest r) {
        access.write(committee);
        if (r == null) {
            throw ApiException.invalid("body", "请提交专家库清理情况（JSON）");
        }
        return view(service.cleanUp(committee, r.season(), r.retire(), r.filedWith(), r.note(), currentUser.id()));
    }

    @GetMapping("/api/committees/{committee}/pool-cleanups")
    List<Map<String, Object>> cleanups(@PathVariable String committee) {
        access.read(committee);
        return pool.cleanups(committee).stream().map(this::view).toList();
    }

    private Map<String, Object> view(ExpertPool.PoolCleanup c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("season", c.season());
        m.put("retiredCount", c.retiredCount());
        m.put("updatedCount", c.updatedCount());
        m.put("retired", pool.retiredBy(c.id()));
        m.put("filedWith", c.filedWith());
        m.put("filedWithName", organisations.groupName(c.filedWith()));
        m.put("note", c.note());
        m.put("cleanedBy", c.cleanedBy());
        m.put("cleanedAt", c.cleanedAt());
        return m;
    }

    /** A season's clean-up: the experts it retires and the HR department it is filed with. */
    record CleanupRequest(Integer season, List<Long> retire, String filedWith, String note) {
    }

    /** The file as an attachment named in Chinese (RFC 6266 / RFC 5987), with an ASCII name for old clients. */
    private static ResponseEntity<byte[]> attachment(byte[] content, MediaType type, Body office, String extension) {
        String name = "评审专家库-" + office.name() + "." + extension;
        String ascii = "experts-" + office.id() + "." + extension;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + rfc5987(name))
                .body(content);
    }

    /** RFC 5987 {@code value-chars}: attr-chars as they are, every other byte of the UTF-8 as %XX. */
    static String rfc5987(String value) {
        StringBuilder s = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                s.append(c);
            } else {
                s.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return s.toString();
    }
}
