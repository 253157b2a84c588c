{
  "id": "ca4b3480-6b25-4e0f-9a8a-ee177575ff1d",
  "prevId": "00000000-0000-0000-0000-000000000000",
  "version": "7",
  "dialect": "postgresql",
  "tables": {
    "__PLUGIN_SCHEMA__.entries": {
      "name": "entries",
      "schema": "__PLUGIN_SCHEMA__",
      "columns": {
        "id": {
          "name": "id",
          "type": "uuid",
          "primaryKey": true,
          "notNull": true,
          "default": "gen_random_uuid()"
        },
        "unit_code": {
          "name": "unit_code",
          "type": "text",
          "primaryKey": false,
          "notNull": true
        },
        "title": {
          "name": "title",
          "type": "text",
          "primaryKey": false,
          "notNull": true
        },
        "quantity": {
          "name": "quantity",
          "type": "integer",
          "primaryKey": false,
          "notNull": true
        },
        "done_on": {
          "name": "done_on",
          "type": "date",
          "primaryKey": false,
          "notNull": true
        },
        "note": {
          "name": "note",
          "type": "text",
          "primaryKey": false,
          "notNull": false
        },
        "version": {
          "name": "version",
          "type": "integer",
          "primaryKey": false,
          "notNull": true,
          "default": 1
        },
        "created_by": {
          "name": "created_by",
          "type": "text",
          "primaryKey": false,
          "notNull": true
        },
        "created_at": {
          "name": "created_at",
          "type": "timestamp with time zone",
          "primaryKey": false,
          "notNull": true,
          "default": "now()"
        },
        "updated_by": {
          "name": "updated_by",
          "type": "text",
          "primaryKey": false,
          "notNull": true
        },
        "updated_at": {
          "name": "updated_at",
          "type": "timestamp with time zone",
          "primaryKey": false,
          "notNull": true,
          "default": "now()"
        }
      },
      "indexes": {
        "entries_unit_idx": {
          "name": "entries_unit_idx",
          "columns": [
            {
              "expression": "unit_code",
              "isExpression": false,
              "asc": true,
              "nulls": "last"
            },
            {
              "expression": "done_on",
              "isExpression": false,
              "asc": true,
              "nulls": "last"
            }
          ],
          "isUnique": false,
          "concurrently": false,
          "method": "btree",
          "with": {}
        }
      },
      "foreignKeys": {},
      "compositePrimaryKeys": {},
      "uniqueConstraints": {},
      "policies": {},
      "checkConstraints": {
        "entries_title_check": {
          "name": "entries_title_check",
          "value": "length(\"__PLUGIN_SCHEMA__\".\"entries\".\"title\") between 1 and 300"
        },
        "entries_quantity_check": {
          "name": "entries_quantity_check",
          "value": "\"__PLUGIN_SCHEMA__\".\"entries\".\"quantity\" >= 0"
        }
      },
      "isRLSEnabled": false
    }
  },
  "enums": {},
  "schemas": {
    "__PLUGIN_SCHEMA__": "__PLUGIN_SCHEMA__"
  },
  "sequences": {},
  "roles": {},
  "policies": {},
  "views": {},
  "_meta": {
    "columns": {},
    "schemas": {},
    "tables": {}
  }
}