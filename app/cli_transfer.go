package app

import (
	"io"

	"github.com/swcert/swcert/data"
	"github.com/swcert/swcert/i18n"
)

// Agency changes (机构变更) on the command line: `transfer apply|list|update`.

func transferApply(c *cli, args []string) error {
	fs := flags("transfer apply")
	holder := int64Flag(fs, "holder", 0, "holder ID")
	toOrg := fs.String("to-org", "", "the new agency")
	toRegion := fs.String("to-region", "", "the new region, for a change to another region")
	position := fs.String("position", "", "the post at the new agency")
	applied := fs.String("applied-on", "", "the day applied (default: today)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	t := &data.Transfer{HolderID: *holder, ToOrg: *toOrg, ToRegion: *toRegion, Position: *position, AppliedOn: c.today()}
	if *applied != "" {
		d, err := data.ParseDate(*applied)
		if err != nil {
			return data.Invalid("applied_on", "err.date.format")
		}
		t.AppliedOn = d
	}
	if err := c.db.ApplyTransfer(c.ctx, t); err != nil {
		return err
	}
	c.printTransfer(t)
	return nil
}

// transferUpdate records the outcome of a change under review.
func transferUpdate(c *cli, args []string) error {
	fs := flags("transfer update")
	status := fs.String("status", "", "approved or rejected (已通过, 未通过)")
	on := fs.String("decided-on", "", "the day of the outcome (default: today)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	id, err := parseID(pos, "transfer", "transfer update")
	if err != nil {
		return err
	}
	if *status == "" {
		return data.Invalid("transfer_status", "err.transfer.outcome")
	}
	day := data.Date{}
	if *on != "" {
		if day, err = data.ParseDate(*on); err != nil {
			return data.Invalid("decided_on", "err.date.format")
		}
	}
	// Not based on a read (0): the command names the change, not a version of it.
	t, err := c.db.DecideTransfer(c.ctx, id, 0, word(data.Reviews, *status), day)
	if err != nil {
		return err
	}
	c.printTransfer(t)
	return nil
}

func transferList(c *cli, args []string) error {
	fs := flags("transfer list")
	holder := int64Flag(fs, "holder", 0, "holder ID (default: every change under review)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ts, err := c.db.Transfers(c.ctx, *holder)
	if err != nil {
		return err
	}
	c.print(ts, func(w io.Writer) {
		if *holder == 0 {
			names := map[int64]string{} // as the store read them with the changes
			for _, x := range ts {
				names[x.HolderID] = x.HolderName
			}
			var t table
			t.add(i18n.Field("id"), i18n.Field("holder_id"), i18n.Field("applied_on"), i18n.Field("from_org"), i18n.Field("to_org"), i18n.Field("to_region"))
			for _, x := range ts {
				t.add(x.ID, c.holderRef(x.HolderID, names), x.AppliedOn.String(), x.FromOrg, x.ToOrg, x.ToRegion)
			}
			t.write(w)
			return
		}
		writeTransfers(w, ts)
	})
	return nil
}

func writeTransfers(w io.Writer, ts []data.Transfer) {
	var t table
	t.add(i18n.Field("id"), i18n.Field("applied_on"), i18n.Field("from_org"), i18n.Field("to_org"), i18n.Field("from_region"), i18n.Field("to_region"), i18n.Field("transfer_status"), i18n.Field("decided_on"))
	for _, x := range ts {
		t.add(x.ID, x.AppliedOn.String(), x.FromOrg, x.ToOrg, x.FromRegion, x.ToRegion, i18n.T(x.Status.Key()), x.DecidedOn.String())
	}
	t.write(w)
}

func (c *cli) printTransfer(x *data.Transfer) {
	c.print(x, func(w io.Writer) {
		var t table
		row := func(field string, value any) { t.add(i18n.Field(field)+":", value) }
		row("id", x.ID)
		row("holder_id", c.holderRef(x.HolderID, nil))
		row("applied_on", x.AppliedOn.String())
		row("from_org", x.FromOrg)
		row("to_org", x.ToOrg)
		row("from_region", x.FromRegion)
		if x.RegionChange() {
			row("to_region", x.ToRegion)
		} else {
			row("to_region", i18n.T("transfer.same_region"))
		}
		row("position", x.Position)
		row("transfer_status", i18n.T(x.Status.Key()))
		row("decided_on", x.DecidedOn.String())
		t.write(w)
	})
}
