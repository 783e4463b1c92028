#!/bin/sh
# Loads the CSV files beside this script into a new Neo4j 5 database.
# Written by `kith export --format neo4j`. Stop the database first, then:
#   sh import.sh [DATABASE [NEO4J-ADMIN OPTIONS...]]    (DATABASE defaults to neo4j)
# e.g. sh import.sh neo4j --overwrite-destination=true   to replace an existing database.
set -eu
DIR=$(cd "$(dirname "$0")" && pwd)
DATABASE=${1:-neo4j}
if [ $# -gt 0 ]; then shift; fi
exec neo4j-admin database import full \
  --id-type=integer \
  --array-delimiter=U+001F \
  --multiline-fields=true \
  --nodes="$DIR/persons.csv" \
  --nodes="$DIR/organizations.csv" \
  --nodes="$DIR/places.csv" \
  --nodes="$DIR/events.csv" \
  --nodes="$DIR/articles.csv" \
  --relationships="$DIR/located_Organization_Place.csv" \
  --relationships="$DIR/located_Place_Place.csv" \
  --relationships="$DIR/mentions_Organization_Article.csv" \
  --relationships="$DIR/mentions_Person_Article.csv" \
  --relationships="$DIR/mentions_Place_Article.csv" \
  --relationships="$DIR/places_Event_Organization.csv" \
  --relationships="$DIR/roles_Organization_Event.csv" \
  --relationships="$DIR/roles_Person_Event.csv" \
  --relationships="$DIR/same_Event_Event.csv" \
  --relationships="$DIR/ties_Person_Person.csv" \
  "$@" "$DATABASE"
