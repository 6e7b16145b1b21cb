"""The "curator" group: may add, change, delete and view the timeline's content and view its history,
but has no permission on users or groups."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "curator"
ACTIONS = ("add", "change", "delete", "view")


def create_curator_group(apps, schema_editor):
    # Permissions are normally created after migrate; make sure this app's exist already.
    app_config = apps.get_app_config("timeline")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    wanted = []
    for permission in Permission.objects.filter(content_type__app_label="timeline").select_related(
        "content_type"
    ):
        action, _, model = permission.codename.partition("_")
        if model.startswith("historical"):
            if action == "view":
                wanted.append(permission)
        elif action in ACTIONS:
            wanted.append(permission)
    group.permissions.add(*wanted)


def remove_curator_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_curator_group, remove_curator_group)]
