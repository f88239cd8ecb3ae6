// MidWay Guide on Azure: an App Service plan with two or more instances running the bot, a
// user-assigned managed identity that is both the bot's identity (UserAssignedMSI) and its key to
// storage, an Azure Bot with the Teams channel, and a Storage account whose container holds
// conversation state, feedback, unanswered questions and delivery claims.
// Deploy: az deployment group create -g <group> -f infra/main.bicep -p appName=<name> allowedTenantIds=<tenant>
// then deploy the code (see README, "Deploying to Azure"); the knowledge index is built at deploy time.

@description('Name used for the Web App, the bot and (shortened) the other resources.')
param appName string

@description('Azure region.')
param location string = resourceGroup().location

@description('App Service plan SKU: P0v3 or larger keeps two instances warm.')
param planSku string = 'P0v3'

@minValue(2)
@description('Instances of the bot behind Azure Bot Service; state is shared through storage.')
param instanceCount int = 2

@description('Comma-separated Entra tenant ids allowed to use the bot (your organisation).')
param allowedTenantIds string = subscription().tenantId

@description('Azure Bot pricing tier: F0 (free) or S1.')
param botSku string = 'S1'

var shortName = toLower(take(replace(appName, '-', ''), 16))
var storageAccountName = '${shortName}${uniqueString(resourceGroup().id)}'
var containerName = 'midway-guide'
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${appName}-identity'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take(storageAccountName, 24)
  location: location
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false // the bot uses its managed identity, never a key
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: containerName
  properties: { publicAccess: 'None' }
}

// Delivery claims (one small blob per activity, plus one per day's record document) only need to
// outlive Teams' re-sends, which come within minutes; without a rule they would pile up for ever.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-delivery-claims'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [ 'blockBlob' ]
              prefixMatch: [ '${containerName}/claims/' ]
            }
            actions: {
              baseBlob: { delete: { daysAfterModificationGreaterThan: 2 } }
            }
          }
        }
      ]
    }
  }
}

resource blobRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(container.id, identity.id, storageBlobDataContributor)
  scope: container
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${appName}-plan'
  location: location
  kind: 'linux'
  sku: { name: planSku, capacity: instanceCount }
  properties: { reserved: true }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/readyz'
      appCommandLine: 'node dist/src/start.js'
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppTenantId', value: identity.properties.tenantId }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'ALLOWED_TENANT_IDS', value: allowedTenantIds }
        { name: 'STORAGE', value: 'blob' }
        { name: 'STORAGE_CONTAINER_URL', value: '${storage.properties.primaryEndpoints.blob}${containerName}' }
        { name: 'LOG_LEVEL', value: 'info' }
        // Build on deploy: npm install, then compile and build the knowledge index.
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
        { name: 'POST_BUILD_COMMAND', value: 'npm run build' }
        { name: 'WEBSITES_CONTAINER_STOP_TIME_LIMIT', value: '10' }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${appName}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: 'MidWay Guide'
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: identity.properties.tenantId
    msaAppMSIResourceId: identity.id
    disableLocalAuth: true
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

output webAppHostName string = web.properties.defaultHostName
output botAppId string = identity.properties.clientId
output storageContainerUrl string = '${storage.properties.primaryEndpoints.blob}${containerName}'
