"""Journey documents move from the journey row into an append-only log with snapshots.

Each journey's current document becomes the snapshot of its current revision (with a log row of
its own); finished versions keep the copies they hold, and later ones name their last revision.
Backwards, every journey (and every version finished after this migration) gets its whole
document back from the log.
"""

import secrets
from typing import Any

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

import klantreis.web.journeys.jsoncodec
import klantreis.web.journeys.models
from klantreis.web.journeys.patches import apply_patch


def into_log(apps: Any, schema_editor: Any) -> None:
    """A snapshot and a log row for each journey's current revision."""
    Journey = apps.get_model("journeys", "Journey")
    JourneyRevision = apps.get_model("journeys", "JourneyRevision")
    JourneySnapshot = apps.get_model("journeys", "JourneySnapshot")
    for journey in Journey.objects.all().iterator(chunk_size=20):
        journey.stamp = secrets.randbits(62)
        journey.snapshot_revision = journey.revision
        journey.save(update_fields=["stamp", "snapshot_revision"])
        JourneyRevision.objects.create(journey=journey, revision=journey.revision, stamp=journey.stamp, patch=None)
        JourneySnapshot.objects.create(journey=journey, revision=journey.revision, document=journey.document)


def _document_at(apps: Any, journey_pk: int, revision: int) -> Any:
    """The document of a logged revision: the nearest snapshot before it with the patches after it."""
    JourneyRevision = apps.get_model("journeys", "JourneyRevision")
    JourneySnapshot = apps.get_model("journeys", "JourneySnapshot")
    snapshot = JourneySnapshot.objects.filter(journey_id=journey_pk, revision__lte=revision).order_by("-revision")[0]
    data = snapshot.document
    rows = JourneyRevision.objects.filter(journey_id=journey_pk, revision__gt=snapshot.revision, revision__lte=revision)
    for patch in rows.order_by("revision").values_list("patch", flat=True):
        data = apply_patch(data, patch)
    return data


def out_of_log(apps: Any, schema_editor: Any) -> None:
    """Whole documents back on each journey and on each version that names its last revision."""
    Journey = apps.get_model("journeys", "Journey")
    JourneyVersion = apps.get_model("journeys", "JourneyVersion")
    for journey in Journey.objects.all().iterator(chunk_size=20):
        journey.document = _document_at(apps, journey.pk, journey.revision)
        journey.save(update_fields=["document"])
    for version in JourneyVersion.objects.filter(revision__isnull=False).iterator(chunk_size=20):
        if version.stored == {}:
            version.stored = _document_at(apps, version.journey_id, version.revision)
            version.save(update_fields=["stored"])


class Migration(migrations.Migration):
    dependencies = [
        ("journeys", "0003_document_field"),
    ]

    operations = [
        migrations.CreateModel(
            name="JourneyRevision",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("revision", models.PositiveIntegerField()),
                ("stamp", models.BigIntegerField()),
                ("patch", klantreis.web.journeys.jsoncodec.DocumentField(blank=True, null=True)),
                ("created", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "journey",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="revisions", to="journeys.journey"
                    ),
                ),
            ],
            options={
                "ordering": ["journey", "revision"],
                "constraints": [models.UniqueConstraint(fields=("journey", "revision"), name="one_row_per_revision")],
            },
        ),
        migrations.CreateModel(
            name="JourneySnapshot",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("revision", models.PositiveIntegerField()),
                ("document", klantreis.web.journeys.jsoncodec.DocumentField()),
                ("created", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "journey",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="snapshots", to="journeys.journey"
                    ),
                ),
            ],
            options={
                "ordering": ["journey", "-revision"],
                "constraints": [
                    models.UniqueConstraint(fields=("journey", "revision"), name="one_snapshot_per_revision")
                ],
            },
        ),
        migrations.AddField(
            model_name="journey",
            name="stamp",
            field=models.BigIntegerField(default=klantreis.web.journeys.models.new_stamp),
        ),
        migrations.AddField(
            model_name="journey",
            name="snapshot_revision",
            field=models.PositiveIntegerField(default=1),
        ),
        # The version's copy keeps its column; the model calls it `stored` (its `document` is a property).
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RenameField(model_name="journeyversion", old_name="document", new_name="stored"),
                migrations.AlterField(
                    model_name="journeyversion",
                    name="stored",
                    field=klantreis.web.journeys.jsoncodec.DocumentField(db_column="document", default=dict),
                ),
            ],
        ),
        migrations.AlterField(
            model_name="journey",
            name="changes",
            field=klantreis.web.journeys.jsoncodec.DocumentField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name="journeyversion",
            name="revision",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        # Nullable first, so that going back can add the column before filling it.
        migrations.AlterField(
            model_name="journey",
            name="document",
            field=klantreis.web.journeys.jsoncodec.DocumentField(null=True),
        ),
        migrations.RunPython(into_log, out_of_log),
        migrations.RemoveField(model_name="journey", name="document"),
    ]
