package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/swcert/swcert/data"
)

const annColumns = `id, cert_id, scene, days, applied_at, completed_at, withdrawn_at, created_at, updated_at`

// ApplyAnnotation applies for an annotation of a certificate. The
// certificate, its annotations and the limit are read and the new row
// written in one immediate transaction, so two applications at once (two
// windows, the CLI beside the window) cannot both take the last place.
func (db *DB) ApplyAnnotation(ctx context.Context, certID int64, scene data.Scene, days int) (*data.Annotation, error) {
	if err := data.ValidateAnnotationRequest(scene, days); err != nil {
		return nil, err
	}
	var a *data.Annotation
	err := db.tx(ctx, func(tx *txn) error {
		c, err := scanCertificate(tx.QueryRowContext(ctx, `SELECT `+certColumns+` FROM certificates WHERE id = ?`, certID))
		if err != nil {
			return notFound(err, "certificate", certID)
		}
		anns, err := queryAnnotations(ctx, tx, certID)
		if err != nil {
			return err
		}
		now := db.now()
		if err := data.CanAnnotate(c, anns, now); err != nil {
			return err
		}
		t, ts := db.stamp()
		id, err := insertID(ctx, tx, `INSERT INTO annotations (cert_id, scene, days, applied_at, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?)`, certID, scene, days, ts, ts, ts)
		if err != nil {
			return mapError("apply annotation", err)
		}
		a = &data.Annotation{ID: id, CertID: certID, Scene: scene, Days: days, AppliedAt: t.In(data.Beijing), CreatedAt: t.In(data.Beijing), UpdatedAt: t.In(data.Beijing)}
		return nil
	})
	return a, err
}

// CompleteAnnotation records when an annotation was completed.
func (db *DB) CompleteAnnotation(ctx context.Context, id int64, at time.Time) (*data.Annotation, error) {
	return db.changeAnnotation(ctx, id, func(a *data.Annotation, now time.Time) (string, error) {
		at = data.CompletionAt(a, at).Truncate(time.Millisecond)
		if err := data.ValidateCompletion(a, at, now); err != nil {
			return "", err
		}
		a.CompletedAt = &at
		return "completed_at", nil
	})
}

// WithdrawAnnotation withdraws an annotation being generated or valid; it
// then no longer counts toward the limit.
func (db *DB) WithdrawAnnotation(ctx context.Context, id int64) (*data.Annotation, error) {
	return db.changeAnnotation(ctx, id, func(a *data.Annotation, now time.Time) (string, error) {
		if err := data.CanWithdraw(a, now); err != nil {
			return "", err
		}
		a.WithdrawnAt = &now
		return "withdrawn_at", nil
	})
}

// changeAnnotation loads an annotation, lets change set one time column
// after checking its rule, and saves it, all in one transaction.
func (db *DB) changeAnnotation(ctx context.Context, id int64, change func(*data.Annotation, time.Time) (string, error)) (*data.Annotation, error) {
	var a *data.Annotation
	err := db.tx(ctx, func(tx *txn) error {
		var err error
		if a, err = scanAnnotation(tx.QueryRowContext(ctx, `SELECT `+annColumns+` FROM annotations WHERE id = ?`, id)); err != nil {
			return notFound(err, "annotation", id)
		}
		now := db.now()
		column, err := change(a, now)
		if err != nil {
			return err
		}
		value := a.CompletedAt
		if column == "withdrawn_at" {
			value = a.WithdrawnAt
		}
		t, ts := db.stamp()
		if _, err := tx.ExecContext(ctx, `UPDATE annotations SET `+column+` = ?, updated_at = ? WHERE id = ?`,
			value.UTC().Format(stampLayout), ts, id); err != nil {
			return internal("update annotation", err)
		}
		a.UpdatedAt = t.In(data.Beijing)
		return nil
	})
	return a, err
}

// Annotation loads one annotation.
func (db *DB) Annotation(ctx context.Context, id int64) (*data.Annotation, error) {
	a, err := scanAnnotation(db.sql.QueryRowContext(ctx, `SELECT `+annColumns+` FROM annotations WHERE id = ?`, id))
	if err != nil {
		return nil, notFound(err, "annotation", id)
	}
	return a, nil
}

// Annotations lists a certificate's annotations, oldest application first.
func (db *DB) Annotations(ctx context.Context, certID int64) ([]data.Annotation, error) {
	if _, err := db.Certificate(ctx, certID); err != nil {
		return nil, err
	}
	return queryAnnotations(ctx, db.sql, certID)
}

type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

func queryAnnotations(ctx context.Context, q querier, certID int64) ([]data.Annotation, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+annColumns+` FROM annotations WHERE cert_id = ? ORDER BY applied_at, id`, certID)
	if err != nil {
		return nil, internal("list annotations", err)
	}
	defer rows.Close()
	out := []data.Annotation{}
	for rows.Next() {
		a, err := scanAnnotation(rows)
		if err != nil {
			return nil, internal("list annotations", err)
		}
		out = append(out, *a)
	}
	if err := rows.Err(); err != nil {
		return nil, internal("list annotations", err)
	}
	return out, nil
}

func scanAnnotation(s scanner) (*data.Annotation, error) {
	var a data.Annotation
	var applied, created, updated string
	var completed, withdrawn sql.NullString
	if err := s.Scan(&a.ID, &a.CertID, &a.Scene, &a.Days, &applied, &completed, &withdrawn, &created, &updated); err != nil {
		return nil, err
	}
	a.AppliedAt, a.CreatedAt, a.UpdatedAt = parseStamp(applied), parseStamp(created), parseStamp(updated)
	a.CompletedAt, a.WithdrawnAt = optStamp(completed), optStamp(withdrawn)
	return &a, nil
}

func optStamp(s sql.NullString) *time.Time {
	if !s.Valid {
		return nil
	}
	t := parseStamp(s.String)
	return &t
}

// insertAnnotationHistory writes an annotation as it happened (an import,
// the demo): its own times, checked for form but not against the limit
// of today, which governs new applications only.
func (db *DB) insertAnnotationHistory(ctx context.Context, tx *txn, a *data.Annotation) error {
	if err := data.ValidateAnnotationRequest(a.Scene, a.Days); err != nil {
		return err
	}
	opt := func(t *time.Time) any {
		if t == nil {
			return nil
		}
		return t.UTC().Format(stampLayout)
	}
	t, ts := db.stamp()
	newID, err := insertID(ctx, tx, `INSERT INTO annotations (cert_id, scene, days, applied_at, completed_at, withdrawn_at, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, a.CertID, a.Scene, a.Days, a.AppliedAt.UTC().Format(stampLayout), opt(a.CompletedAt), opt(a.WithdrawnAt), ts, ts)
	if err != nil {
		return mapError("insert annotation", err)
	}
	a.ID = newID
	a.CreatedAt, a.UpdatedAt = t.In(data.Beijing), t.In(data.Beijing)
	return nil
}
