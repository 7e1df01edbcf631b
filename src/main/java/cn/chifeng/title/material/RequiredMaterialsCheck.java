package cn.chifeng.title.material;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.Dossier;
import cn.chifeng.title.application.SubmissionCheck;

/**
 * APP-6: the items the checklist marks {@code required} are uploaded before an application is submitted. A one-step
 * submission has no materials, so it passes only where its series and level require none; otherwise the applicant
 * saves a draft, uploads and submits it.
 */
@Component
class RequiredMaterialsCheck implements SubmissionCheck {
    private final MaterialChecklist checklist;
    private final Materials materials;

    RequiredMaterialsCheck(MaterialChecklist checklist, Materials materials) {
        this.checklist = checklist;
        this.materials = materials;
    }

    @Override
    public List<String> problems(ApplicationRecord draft, Dossier dossier) {
        Set<String> present = draft == null ? Set.of() : materials.itemsPresent(draft.id());
        List<String> missing = checklist.items(dossier.series(), dossier.targetLevel()).stream()
                .filter(MaterialChecklist.Item::requiredBeforeSubmission).filter(i -> !present.contains(i.code()))
                .map(MaterialChecklist.Item::name).toList();
        if (missing.isEmpty()) {
            return List.of();
        }
        return List.of("提交前须上传必需材料：" + String.join("、", missing)
                + (draft == null ? "（请先保存为草稿，上传材料后再提交）" : ""));
    }
}
