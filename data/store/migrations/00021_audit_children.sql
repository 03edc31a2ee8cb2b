-- +goose Up
-- The audit log names the holder of each entry (audit.holder_id) so that
-- a holder's History shows everything of theirs. A record that hangs on a
-- certificate, a CE record, a work history entry or an honour finds its
-- holder through that parent; deleted by the cascade, it found the parent
-- gone and was logged with no holder, so `swcert audit --holder ID` left
-- out the annotations, registrations, paper, mail forms and proofs deleted
-- with a holder or a certificate. These triggers delete the children
-- while the parent is still there, before the parent goes; what the
-- cascade then finds is nothing.
-- +goose StatementBegin
CREATE TRIGGER certificates_children_first BEFORE DELETE ON certificates BEGIN
    DELETE FROM annotations WHERE cert_id = OLD.id;
    DELETE FROM registrations WHERE cert_id = OLD.id;
    DELETE FROM paper WHERE cert_id = OLD.id;
    DELETE FROM mail_forms WHERE cert_id = OLD.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER ce_records_children_first BEFORE DELETE ON ce_records BEGIN
    DELETE FROM ce_proofs WHERE record_id = OLD.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER work_history_children_first BEFORE DELETE ON work_history BEGIN
    DELETE FROM work_proofs WHERE work_id = OLD.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER honours_children_first BEFORE DELETE ON honours BEGIN
    DELETE FROM honour_proofs WHERE honour_id = OLD.id;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER honours_children_first;
DROP TRIGGER work_history_children_first;
DROP TRIGGER ce_records_children_first;
DROP TRIGGER certificates_children_first;
