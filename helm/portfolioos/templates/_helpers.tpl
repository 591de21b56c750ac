{{/* Release-wide names and labels. */}}
{{- define "portfolioos.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "portfolioos.chartLabel" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "portfolioos.commonLabels" -}}
helm.sh/chart: {{ include "portfolioos.chartLabel" . }}
app.kubernetes.io/part-of: portfolioos
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{/* The route table: files/routes.json, a byte-for-byte copy of deploy/routes.json (k8s:check enforces it). */}}
{{- define "portfolioos.routeTable" -}}
{{- $raw := .Files.Get "files/routes.json" -}}
{{- if not $raw -}}
{{- fail "files/routes.json is missing: run `npm run k8s:check -- --sync` to copy deploy/routes.json into the chart" -}}
{{- end -}}
{{- $raw -}}
{{- end -}}

{{/*
Deep merge for values: maps merge key by key, anything else in the override replaces the base.
Unlike sprig's merge/mergeOverwrite it lets an override set false, 0 or "" over a default.
Takes (list base override), returns YAML.
*/}}
{{- define "portfolioos.deepMerge" -}}
{{- $base := index . 0 | default dict -}}
{{- $override := index . 1 | default dict -}}
{{- $out := deepCopy $base -}}
{{- range $key, $value := $override -}}
{{- $current := get $out $key -}}
{{- if and (kindIs "map" $value) (kindIs "map" $current) -}}
{{- $_ := set $out $key (include "portfolioos.deepMerge" (list $current $value) | fromYaml) -}}
{{- else -}}
{{- $_ := set $out $key $value -}}
{{- end -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}

{{/*
One component's effective settings: default deep-merged with components.<name>, the port filled in from
the route table, the image reference resolved. Takes (dict "root" $ "name" <name>), returns YAML.
*/}}
{{- define "portfolioos.component" -}}
{{- $root := .root -}}
{{- $name := .name -}}
{{- $c := include "portfolioos.deepMerge" (list $root.Values.default (get $root.Values.components $name)) | fromYaml -}}
{{- $ctx := dict "Values" $root.Values "Release" $root.Release "Chart" $root.Chart "Capabilities" $root.Capabilities "Template" $root.Template "name" $name -}}
{{- if not $c.port -}}
{{- $table := include "portfolioos.routeTable" $root | fromJson -}}
{{- $service := get $table.services $name -}}
{{- if not $service -}}
{{- fail (printf "components.%s: no port: the service is not in files/routes.json and components.%s.port is not set" $name $name) -}}
{{- end -}}
{{- $_ := set $c "port" (int $service.port) -}}
{{- end -}}
{{- $tag := $c.image.tag | default $root.Values.image.tag | default $root.Chart.AppVersion -}}
{{- $repository := tpl $c.image.repository $ctx -}}
{{- $_ := set $c "imageRef" (ternary (printf "%s@%s" $repository $c.image.digest) (printf "%s:%s" $repository $tag) (ne ($c.image.digest | default "") "")) -}}
{{- $_ := set $c "existingSecret" (tpl ($c.existingSecret | default "") $ctx) -}}
{{- $env := dict "HTTP_PORT" (toString $c.port) -}}
{{- range $key, $value := $c.env -}}
{{- $rendered := tpl (toString ($value | default "")) $ctx -}}
{{- if ne $rendered "" -}}
{{- $_ := set $env $key $rendered -}}
{{- end -}}
{{- end -}}
{{- $_ := set $c "env" $env -}}
{{- $secretEnv := dict -}}
{{- range $key, $ref := $c.secretEnv -}}
{{- if kindIs "map" $ref -}}
{{- $_ := set $secretEnv $key (dict "secretName" (tpl $ref.secretName $ctx) "key" (tpl (toString $ref.key) $ctx) "optional" ($ref.optional | default false)) -}}
{{- else if $ref -}}
{{- if not $c.existingSecret -}}
{{- fail (printf "components.%s.secretEnv.%s names a key but existingSecret is empty" $name $key) -}}
{{- end -}}
{{- $_ := set $secretEnv $key (dict "secretName" $c.existingSecret "key" (toString $ref) "optional" false) -}}
{{- end -}}
{{- end -}}
{{- $_ := set $c "secretEnv" $secretEnv -}}
{{- $_ := set $c "migrationCommand" (list) -}}
{{- range $c.migration.command -}}
{{- $_ := set $c "migrationCommand" (append $c.migrationCommand (tpl (toString .) $ctx)) -}}
{{- end -}}
{{- toYaml $c -}}
{{- end -}}

{{/* Labels of one component; takes the component context (dict "root" "name" "c"). */}}
{{- define "portfolioos.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{- define "portfolioos.labels" -}}
{{ include "portfolioos.commonLabels" .root }}
{{ include "portfolioos.selectorLabels" . }}
{{- end -}}

{{- define "portfolioos.componentName" -}}
{{- printf "%s-%s" (include "portfolioos.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Names of the enabled components, as a YAML list. */}}
{{- define "portfolioos.enabledComponents" -}}
{{- $enabled := list -}}
{{- range $name, $_ := .Values.components -}}
{{- $c := include "portfolioos.component" (dict "root" $ "name" $name) | fromYaml -}}
{{- if $c.enabled -}}
{{- $enabled = append $enabled $name -}}
{{- end -}}
{{- end -}}
{{- toYaml $enabled -}}
{{- end -}}

{{/* The container env of a component: ConfigMap (envFrom) is handled by the caller; this renders secret refs. */}}
{{- define "portfolioos.secretEnv" -}}
{{- range $key, $ref := .c.secretEnv }}
- name: {{ $key }}
  valueFrom:
    secretKeyRef:
      name: {{ $ref.secretName }}
      key: {{ $ref.key }}
      {{- if $ref.optional }}
      optional: true
      {{- end }}
{{- end }}
{{- end -}}

{{/* Env every container of the chart gets: HOME on the writable /tmp. */}}
{{- define "portfolioos.baseEnv" -}}
- name: HOME
  value: /tmp
{{- end -}}

{{/* Writable /tmp for read-only root filesystems. */}}
{{- define "portfolioos.tmpVolume" -}}
- name: tmp
  emptyDir:
    {{- with .c.tmpVolume.medium }}
    medium: {{ . }}
    {{- end }}
    {{- with .c.tmpVolume.sizeLimit }}
    sizeLimit: {{ . }}
    {{- end }}
{{- end -}}

{{- define "portfolioos.imagePullSecrets" -}}
{{- with .Values.image.pullSecrets }}
imagePullSecrets:
  {{- range . }}
  - name: {{ . }}
  {{- end }}
{{- end }}
{{- end -}}
