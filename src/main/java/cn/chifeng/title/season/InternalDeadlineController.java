package cn.chifeng.title.season;

import java.time.LocalDate;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT/DELETE /api/seasons/{year}/internal-deadlines/{kind}} as a county HR bureau or competent department
 * ({@code ?body=} for a user of several): its own earlier date for its units (附件4), {@code {"date": "YYYY-MM-DD"}}.
 */
@RestController
class InternalDeadlineController {
    private final InternalDeadlines deadlines;

    InternalDeadlineController(InternalDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    record DateBody(LocalDate date) {
    }

    @PutMapping("/api/seasons/{year}/internal-deadlines/{kind}")
    InternalDeadline put(@PathVariable("year") int year, @PathVariable("kind") String kind,
                         @RequestParam(name = "body", required = false) String body, @RequestBody DateBody date) {
        return deadlines.set(year, kind, body, date.date());
    }

    @DeleteMapping("/api/seasons/{year}/internal-deadlines/{kind}")
    ResponseEntity<Void> delete(@PathVariable("year") int year, @PathVariable("kind") String kind,
                                @RequestParam(name = "body", required = false) String body) {
        deadlines.clear(year, kind, body);
        return ResponseEntity.noContent().build();
    }
}
